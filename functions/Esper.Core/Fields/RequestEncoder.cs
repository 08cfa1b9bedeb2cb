using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>
/// Parses event bodies and encodes them into the field model.
/// SEAM STUB: the encoding work replaces the bodies; keep the public members.
/// </summary>
public static class RequestEncoder
{
    /// <summary>The version of the encoding rules; changes whenever a rule changes what a request encodes to.</summary>
    public const string EncodingVersion = "1";

    /// <summary>Parses one event (nested runtime shape or flat recipe shape). Errors name the offending field.</summary>
    public static ParseResult Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail("$", "The event must be a JSON object.");
        }

        var request = body.TryGetProperty("request", out var r) && r.ValueKind == JsonValueKind.Object ? r : body;
        return ParseResult.Ok(new RuntimeEvent
        {
            Method = Text(request, "method"),
            Path = Text(request, "path"),
            ClientIp = Text(request, "client_ip") ?? Text(request, "ip"),
            UserAgent = Text(request, "user_agent"),
            IdempotencyKey = Text(body, "idempotency_key"),
            ReturnUrl = Text(body, "return_url"),
            Source = Text(body, "source"),
        });
    }

    /// <summary>Encodes a parsed event into its normalised field model.</summary>
    public static EncodedRequest Encode(RuntimeEvent ev)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ev.Method is { } m) fields["request.method"] = m.ToUpperInvariant();
        if (ev.Path is { } p) fields["request.path"] = p;
        if (ev.ClientIp is { } ip) fields["client_ip"] = ip;
        if (ev.UserAgent is { } ua) fields["user_agent"] = ua;
        return new EncodedRequest(fields);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
