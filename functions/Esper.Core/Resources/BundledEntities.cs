using System.Text.Json;

namespace Esper.Core.Resources;

/// <summary>
/// The entity definitions every tenant starts with. Their ids are stable; <see cref="Version"/> changes whenever
/// their shape or the crawler token list changes, so the API and tools can tell which set a tenant was seeded with.
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
    /// User-agent tokens of the known AI and social crawlers (OpenAI, Anthropic, Google, Apple, Meta, Cloudflare),
    /// matched case-sensitively as they appear in the crawlers' user agents.
    /// </summary>
    public static IReadOnlyList<string> CrawlerTokens { get; } =
    [
        "GPTBot", "ChatGPT-User", "OAI-SearchBot",
        "ClaudeBot", "Claude-User", "Claude-SearchBot", "Claude-Web", "anthropic-ai",
        "Googlebot", "Google-Extended", "GoogleOther", "Google-CloudVertexBot",
        "Applebot",
        "facebookexternalhit", "meta-externalagent", "meta-externalfetcher", "FacebookBot",
        "Cloudflare-AutoRAG", "CloudflareBrowserRenderingCrawler",
    ];

    /// <summary>The bot-crawlers match expression in the text form.</summary>
    public static string CrawlerMatchText { get; } = BuildCrawlerMatchText();

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

    private static string BuildCrawlerMatchText()
    {
        var parts = new string[CrawlerTokens.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = $"user_agent.contains(\"{CrawlerTokens[i]}\")";
        }

        return string.Join(" || ", parts);
    }
}
