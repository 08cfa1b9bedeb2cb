using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>
/// Validates an event body (nested runtime shape or flat recipe shape) into a <see cref="RuntimeEvent"/>.
/// Every rejection names the offending field; nothing here throws on any input.
/// </summary>
internal static class RuntimeEventParser
{
    public static ParseResult Parse(JsonElement body)
    {
        try
        {
            return ParseObject(body);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Only a disposed or foreign JsonElement gets here.
            return ParseResult.Fail("$", "The event could not be read.");
        }
    }

    private static ParseResult ParseObject(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail("$", "The event must be a JSON object.");
        }

        var builder = new RuntimeEventBuilder();
        var nested = body.TryGetProperty("request", out var request) && request.ValueKind != JsonValueKind.Null;
        if (nested && request.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail("request", "request must be an object.");
        }

        foreach (var property in body.EnumerateObject())
        {
            var error = EventKeys.Classify(property) switch
            {
                EventKey.Request => null,
                EventKey.ObservedAt => builder.ReadObservedAt(property.Value, "observed_at"),
                EventKey.IdempotencyKey => RuntimeEventBuilder.ReadString(property.Value, "idempotency_key", FieldLimits.MaxIdentifierLength, out var key)
                    ?? builder.Set(idempotencyKey: key),
                EventKey.Source => RuntimeEventBuilder.ReadString(property.Value, "source", FieldLimits.MaxIdentifierLength, out var source)
                    ?? builder.Set(source: source),
                EventKey.ReturnUrl => RuntimeEventBuilder.ReadString(property.Value, "return_url", FieldLimits.MaxReturnUrlLength, out var returnUrl)
                    ?? builder.Set(returnUrl: returnUrl),
                EventKey.Fields => builder.ReadFields(property.Value, "fields"),
                _ when nested => null, // unknown keys of the nested shape (tenant_id, ...) are ignored
                _ => builder.ReadRequestProperty(property, nested: false, out var known) ?? (known ? null : builder.ReadExtraField(property)),
            };

            if (error is not null)
            {
                return error;
            }
        }

        if (nested)
        {
            foreach (var property in request.EnumerateObject())
            {
                if (builder.ReadRequestProperty(property, nested: true, out _) is { } error)
                {
                    return error;
                }
            }
        }

        return ParseResult.Ok(builder.Build());
    }
}
