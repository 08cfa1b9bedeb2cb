using System.Text.Json;

namespace Esper.Benchmarks;

/// <summary>One realistic runtime event, as JSON for Esper and as CEL variables for the Cel package.</summary>
public static class SampleRequest
{
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static JsonElement Body { get; } = JsonDocument.Parse($$"""
        {
          "source": "web",
          "observed_at": "2026-01-01T12:00:00Z",
          "idempotency_key": "0f6b7c1e-9a1d-4a53-9a56-3c1b7e0d2f11",
          "request": {
            "method": "POST",
            "path": "/login",
            "client_ip": "203.0.113.7",
            "user_agent": "{{UserAgent}}",
            "headers": {
              "user-agent": "{{UserAgent}}",
              "accept": "text/html,application/xhtml+xml",
              "accept-language": "en-GB,en;q=0.9",
              "x-forwarded-proto": "https",
              "x-team": "none",
              "referer": "https://shop.example/account"
            },
            "query_params": { "next": "/account" },
            "cookies": { "sid": "s-4b1e9d" }
          },
          "fields": { "plan": "pro" }
        }
        """).RootElement.Clone();

    /// <summary>The same request for CEL: standard CEL errors on a missing map key, so every header the expressions read is present.</summary>
    public static Dictionary<string, object?> CelVariables() => new()
    {
        ["request"] = new Dictionary<string, object?>
        {
            ["method"] = "POST",
            ["path"] = "/login",
            ["headers"] = new Dictionary<string, object?>
            {
                ["user-agent"] = UserAgent,
                ["accept"] = "text/html,application/xhtml+xml",
                ["accept-language"] = "en-GB,en;q=0.9",
                ["x-forwarded-proto"] = "https",
                ["x-team"] = "none",
                ["referer"] = "https://shop.example/account",
            },
        },
        ["client_ip"] = "203.0.113.7",
        ["user_agent"] = UserAgent,
    };
}
