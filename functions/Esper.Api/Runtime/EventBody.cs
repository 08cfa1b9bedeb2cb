using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Esper.Api.Http;
using Esper.Core.Fields;

namespace Esper.Api.Runtime;

/// <summary>Parses runtime and beacon events, naming the offending field (prefixed with the event's index in a batch).</summary>
internal static class EventBody
{
    /// <summary>
    /// Reads a single event from the body's bytes in one pass (the runtime endpoint's fast path). False when the
    /// body is anything but a valid event within the limits: the caller then parses it as a document, which names
    /// the problem exactly as before.
    /// </summary>
    public static bool TryRead(ApiRequest request, RequestLimits limits, [NotNullWhen(true)] out RuntimeEvent? ev, out IReadOnlyList<string>? warnings)
    {
        var textLimits = new EventTextLimits(limits.MaxJsonDepth, limits.MaxStringLength, limits.MaxJsonProperties);
        if (RequestEncoder.TryRead(request.Body.Span, textLimits, out var read))
        {
            ev = read.Value!;
            warnings = Warnings(read);
            return true;
        }

        ev = null;
        warnings = null;
        return false;
    }

    public static RuntimeEvent? Parse(JsonElement element, string prefix, out ApiResponse? problem)
    {
        var parsed = RequestEncoder.Parse(element);
        if (parsed.Succeeded)
        {
            problem = null;
            return parsed.Value;
        }

        var field = parsed.ErrorField is null or "$" ? (prefix.Length == 0 ? "$" : prefix.TrimEnd('.')) : prefix + parsed.ErrorField;
        problem = Problems.Validation(field, parsed.ErrorMessage ?? "is not valid");
        return null;
    }

    private static readonly string[] TopLevel = ["request", "observed_at", "idempotency_key", "source", "return_url", "fields"];
    private static readonly string[] RequestKeys = ["method", "path", "client_ip", "ip", "user_agent", "headers", "query_params", "cookies", "route_params", "body"];

    /// <summary>
    /// Keys of the nested runtime shape that are ignored, so an integration sees its typo (<c>"reqest"</c>,
    /// <c>request.clientip</c>). The flat shape has none: its extra keys are context for expressions.
    /// </summary>
    public static IReadOnlyList<string>? Warnings(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        List<string>? warnings = null;
        foreach (var property in root.EnumerateObject())
        {
            if (!TopLevel.Contains(property.Name, StringComparer.Ordinal))
            {
                (warnings ??= []).Add(IgnoredKey(property.Name));
            }
        }

        foreach (var property in request.EnumerateObject())
        {
            if (!RequestKeys.Contains(property.Name, StringComparer.Ordinal))
            {
                (warnings ??= []).Add(IgnoredRequestKey(property.Name));
            }
        }

        return warnings;
    }

    /// <summary>The same warnings for an event read from its bytes, which names the keys it ignored.</summary>
    public static IReadOnlyList<string>? Warnings(ParseResult read)
    {
        if (read.IgnoredKeys is null && read.IgnoredRequestKeys is null)
        {
            return null;
        }

        return [.. (read.IgnoredKeys ?? []).Select(IgnoredKey), .. (read.IgnoredRequestKeys ?? []).Select(IgnoredRequestKey)];
    }

    private static string IgnoredKey(string name) =>
        $"'{name}' is not a field of the runtime body and was ignored; the fields are {string.Join(", ", TopLevel)}";

    private static string IgnoredRequestKey(string name) =>
        $"'request.{name}' is not a field of request and was ignored; the fields are {string.Join(", ", RequestKeys)}";
}
