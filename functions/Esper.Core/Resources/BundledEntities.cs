using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Core.Resources;

/// <summary>
/// The entity definitions every tenant starts with. Their ids are stable; <see cref="Version"/> changes whenever
/// their shape changes (the crawler token list is versioned with the request encoding), so the API and tools can tell which set a tenant was seeded with.
/// </summary>
public static class BundledEntities
{
    /// <summary>Version of the bundled set.</summary>
    public const string Version = "1";

    /// <summary>Id of the client IP + user agent entity.</summary>
    public const string IpUserAgentId = "ip-user-agent";

    /// <summary>Id of the known-crawler entity.</summary>
    public const string BotCrawlersId = "bot-crawlers";

    /// <summary>
    /// The known AI and social crawler tokens (OpenAI, Anthropic, Google, Apple, Meta, Cloudflare) the encoder
    /// recognises in the user agent and exposes as the derived <c>crawler</c> field.
    /// </summary>
    public static IReadOnlyList<string> CrawlerTokens { get; } = [.. KnownCrawlers.All.Select(static c => c.Token)];

    /// <summary>The bot-crawlers match expression in the text form: the derived <c>crawler</c> field is present.</summary>
    public const string CrawlerMatchText = "has(crawler)";

    /// <summary>Fresh copies of both bundled definitions, ip-user-agent first.</summary>
    public static IReadOnlyList<EntityDefinition> All => [IpUserAgent, BotCrawlers];

    /// <summary>Requests with the same client IP and user agent belong to the same actor.</summary>
    public static EntityDefinition IpUserAgent => new()
    {
        Id = IpUserAgentId,
        Name = "IP + user agent",
        Description = "Bundled: requests from one client IP with one user agent.",
        Enabled = true,
        KeyFields = ["client_ip", "user_agent"],
    };

    /// <summary>Requests whose user agent carries a known crawler token, grouped by user agent.</summary>
    public static EntityDefinition BotCrawlers => new()
    {
        Id = BotCrawlersId,
        Name = "Bot crawlers",
        Description = "Bundled: known AI and social crawlers (OpenAI, Anthropic, Google, Apple, Meta, Cloudflare), by user agent.",
        Enabled = true,
        KeyFields = ["user_agent"],
        MatchExpression = JsonSerializer.SerializeToElement(CrawlerMatchText, CoreJsonContext.Default.String),
    };
}
