using System.Globalization;
using System.Text;

namespace Esper.Bench.Shared;

/// <summary>
/// Builds varied runtime bodies in the documented shape: many client IPs (from the 198.18.0.0/15 benchmarking
/// range) so entity keys spread, a mix of paths, methods and user agents, and a unique idempotency key per request.
/// </summary>
internal sealed class BodyFactory
{
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
        "python-requests/2.32.3",
        "curl/8.5.0",
    ];

    private static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "/"),
        ("GET", "/articles/how-to-bake-bread"),
        ("GET", "/api/search"),
        ("POST", "/login"),
        ("POST", "/login"),
        ("POST", "/checkout"),
        ("GET", "/admin/settings"),
        ("POST", "/api/comments"),
    ];

    private readonly int _distinctIps;
    private readonly bool _idempotencyKeys;
    private long _sequence;

    /// <param name="distinctIps">How many client IPs the bodies spread over.</param>
    /// <param name="idempotencyKeys">False leaves the idempotency key out of every body.</param>
    public BodyFactory(int distinctIps, bool idempotencyKeys = true)
    {
        _distinctIps = Math.Max(1, distinctIps);
        _idempotencyKeys = idempotencyKeys;
    }

    /// <summary>Builds the next body; <paramref name="random"/> belongs to the calling worker.</summary>
    public byte[] Next(Random random)
    {
        var n = Interlocked.Increment(ref _sequence);
        var ipIndex = random.Next(_distinctIps);
        var ip = string.Create(CultureInfo.InvariantCulture, $"198.{18 + (ipIndex >> 16 & 1)}.{ipIndex >> 8 & 255}.{ipIndex & 255}");
        var (method, path) = Routes[random.Next(Routes.Length)];
        var agent = Agents[random.Next(Agents.Length)];
        var builder = new StringBuilder(640);
        builder.Append("""{"source":"bench","observed_at":"2026-01-01T00:00:00Z",""");
        if (_idempotencyKeys)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""
                "idempotency_key":"bench-{{n}}-{{random.Next()}}",
                """);
        }

        builder.Append(CultureInfo.InvariantCulture, $$"""
            "return_url":"https://shop.example{{path}}","request":{"method":"{{method}}","path":"{{path}}","client_ip":"{{ip}}",
            """);
        builder.Append(CultureInfo.InvariantCulture, $$"""
            "user_agent":"{{agent}}","headers":{"user-agent":"{{agent}}","accept":"text/html","accept-language":"en-US,en;q=0.9","x-forwarded-for":"{{ip}}"},
            """);
        var plan = random.Next(4) == 0 ? "pro" : "free";
        builder.Append(CultureInfo.InvariantCulture, $$$"""
            "query_params":{"q":"bread","page":"{{{random.Next(1, 9)}}}"},"cookies":{"session":"s{{{random.Next(100000)}}}"},"route_params":{}},"fields":{"probe":"1","plan":"{{{plan}}}"}}
            """);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
