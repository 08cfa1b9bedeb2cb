using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Benchmarks;

/// <summary>One realistic runtime event, as JSON for Esper and as CEL variables for the Cel package.</summary>
public static class SampleRequest
{
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The host's default text limits (depth 32, strings of 8,192 characters, 5,000 properties).</summary>
    public static readonly EventTextLimits Limits = new(MaxDepth: 32, MaxStringLength: 8192, MaxProperties: 5000);

    /// <summary>The body as the runtime endpoint receives it: UTF-8 bytes.</summary>
    public static byte[] Utf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Json());

    /// <summary>The body as a parsed element, for the document path the endpoint took before reading bytes in one pass.</summary>
    public static JsonElement Body { get; } = JsonDocument.Parse(Utf8).RootElement.Clone();

    private static string Json() => $$"""
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
        """;

    /// <summary>Reads the bytes in one pass, as the runtime endpoint does.</summary>
    public static RuntimeEvent Read() =>
        RequestEncoder.TryRead(Utf8, Limits, out var read) ? read.Value! : throw new InvalidOperationException("the sample body is not read in one pass");

    /// <summary>Parses the bytes as a document, then the element (the endpoint's path before the one-pass reader).</summary>
    public static RuntimeEvent ParseDocument()
    {
        using var document = JsonDocument.Parse(Utf8, new JsonDocumentOptions { MaxDepth = Limits.MaxDepth });
        return RequestEncoder.Parse(document.RootElement).Value!;
    }

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
