using System.Buffers;

namespace Esper.Core.Fields;

/// <summary>
/// The crawler tokens the encoder recognises, in match order (first hit wins, so a more specific token such as
/// <c>Applebot-Extended</c> comes before <c>Applebot</c>). Changing this list bumps the encoding version.
/// </summary>
public static class KnownCrawlers
{
    /// <summary>All recognised crawlers, in match order.</summary>
    public static IReadOnlyList<KnownCrawler> All { get; } =
    [
        new("GPTBot", "openai"),
        new("ChatGPT-User", "openai"),
        new("OAI-SearchBot", "openai"),
        new("ClaudeBot", "anthropic"),
        new("Claude-User", "anthropic"),
        new("Claude-SearchBot", "anthropic"),
        new("Claude-Web", "anthropic"),
        new("anthropic-ai", "anthropic"),
        new("Google-Extended", "google"),
        new("Google-CloudVertexBot", "google"),
        new("Google-InspectionTool", "google"),
        new("GoogleOther", "google"),
        new("Googlebot", "google"),
        new("Storebot-Google", "google"),
        new("AdsBot-Google", "google"),
        new("Mediapartners-Google", "google"),
        new("APIs-Google", "google"),
        new("FeedFetcher-Google", "google"),
        new("Applebot-Extended", "apple"),
        new("Applebot", "apple"),
        new("meta-externalagent", "meta"),
        new("meta-externalfetcher", "meta"),
        new("facebookexternalhit", "meta"),
        new("facebookcatalog", "meta"),
        new("FacebookBot", "meta"),
        new("Cloudflare-AutoRAG", "cloudflare"),
        new("CloudflareBrowserRenderingCrawler", "cloudflare"),
        new("Cloudflare-AlwaysOnline", "cloudflare"),
        new("Cloudflare-Healthchecks", "cloudflare"),
        new("Cloudflare-Diagnostics", "cloudflare"),
        new("Cloudflare-Traffic-Manager", "cloudflare"),
    ];

    private static readonly SearchValues<string> Tokens =
        SearchValues.Create(All.Select(static c => c.Token).ToArray(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The first known crawler whose token the user agent carries, or null.</summary>
    public static KnownCrawler? Find(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return null;
        }

        if (userAgent.AsSpan().IndexOfAny(Tokens) < 0)
        {
            // One vectorised multi-token search settles the common case (an ordinary browser).
            return null;
        }

        foreach (var crawler in All)
        {
            if (userAgent.Contains(crawler.Token, StringComparison.OrdinalIgnoreCase))
            {
                return crawler;
            }
        }

        return null;
    }
}
