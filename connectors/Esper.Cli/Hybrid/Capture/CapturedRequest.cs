using System.Text.Json;

namespace Esper.Cli.Hybrid.Capture;

/// <summary>One HTTP/1.1 request head seen on the wire, with the connection's client address.</summary>
internal sealed record CapturedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string ClientIp)
{
    public string Path => Target.Split('?', 2)[0];

    /// <summary>What <see cref="ToEventJson"/> reports for a hybrid key that names no active mitigation.</summary>
    public const string NoActiveMitigation = "none";

    public string? UserAgent => Header("user-agent");

    /// <summary>The request's <c>X-Esper-Hybrid-Key</c>, the opaque key origin gave the entity it penalised.</summary>
    public string? HybridKey => Header("x-esper-hybrid-key");

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// The request as a runtime event for origin's beacon (nested form), with its own idempotency key. When it carried
    /// an <c>X-Esper-Hybrid-Key</c>, <c>fields.hybrid_key_active</c> says what that key names in capture's view of
    /// origin's active mitigations (<paramref name="hybridKeyMode"/>: block, challenge, monitor or none).
    /// </summary>
    public string ToEventJson(string? hybridKeyMode = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("source", "esper-capture");
            json.WriteString("idempotency_key", "cap_" + Guid.NewGuid().ToString("n"));
            json.WriteStartObject("request");
            json.WriteString("method", Method);
            json.WriteString("path", Path);
            json.WriteString("client_ip", ClientIp);
            json.WriteString("user_agent", UserAgent ?? "");
            json.WriteStartObject("headers");
            foreach (var (name, value) in Headers.DistinctBy(static h => h.Key.ToLowerInvariant()))
            {
                if (!name.Equals("cookie", StringComparison.OrdinalIgnoreCase) && !name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
                {
                    json.WriteString(name.ToLowerInvariant(), value);
                }
            }

            json.WriteEndObject();
            json.WriteStartObject("query_params");
            var query = Target.Split('?', 2) is [_, var q] ? q : "";
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries).DistinctBy(static p => p.Split('=', 2)[0]))
            {
                var parts = pair.Split('=', 2);
                json.WriteString(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "");
            }

            json.WriteEndObject();
            json.WriteEndObject();
            if (HybridKey is not null)
            {
                json.WriteStartObject("fields");
                json.WriteString("hybrid_key_active", hybridKeyMode ?? NoActiveMitigation);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
