using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Classifies the property name under a <see cref="Utf8JsonReader"/> as <see cref="EventKeys"/> does for a parsed property.</summary>
internal static class Utf8EventKeys
{
    public static EventKey Classify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return ClassifyEscaped(ref reader);
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("ip"u8) => EventKey.Ip,
            4 when name.SequenceEqual("path"u8) => EventKey.Path,
            4 when name.SequenceEqual("body"u8) => EventKey.Body,
            6 when name.SequenceEqual("method"u8) => EventKey.Method,
            6 when name.SequenceEqual("source"u8) => EventKey.Source,
            6 when name.SequenceEqual("fields"u8) => EventKey.Fields,
            7 when name.SequenceEqual("headers"u8) => EventKey.Headers,
            7 when name.SequenceEqual("cookies"u8) => EventKey.Cookies,
            7 when name.SequenceEqual("request"u8) => EventKey.Request,
            9 when name.SequenceEqual("client_ip"u8) => EventKey.ClientIp,
            10 when name.SequenceEqual("user_agent"u8) => EventKey.UserAgent,
            10 when name.SequenceEqual("return_url"u8) => EventKey.ReturnUrl,
            11 when name.SequenceEqual("observed_at"u8) => EventKey.ObservedAt,
            12 when name.SequenceEqual("query_params"u8) => EventKey.QueryParams,
            12 when name.SequenceEqual("route_params"u8) => EventKey.RouteParams,
            15 when name.SequenceEqual("idempotency_key"u8) => EventKey.IdempotencyKey,
            _ => EventKey.Other,
        };
    }

    private static EventKey ClassifyEscaped(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("method"u8)) return EventKey.Method;
        if (reader.ValueTextEquals("path"u8)) return EventKey.Path;
        if (reader.ValueTextEquals("client_ip"u8)) return EventKey.ClientIp;
        if (reader.ValueTextEquals("user_agent"u8)) return EventKey.UserAgent;
        if (reader.ValueTextEquals("headers"u8)) return EventKey.Headers;
        if (reader.ValueTextEquals("query_params"u8)) return EventKey.QueryParams;
        if (reader.ValueTextEquals("cookies"u8)) return EventKey.Cookies;
        if (reader.ValueTextEquals("route_params"u8)) return EventKey.RouteParams;
        if (reader.ValueTextEquals("body"u8)) return EventKey.Body;
        if (reader.ValueTextEquals("ip"u8)) return EventKey.Ip;
        if (reader.ValueTextEquals("request"u8)) return EventKey.Request;
        if (reader.ValueTextEquals("observed_at"u8)) return EventKey.ObservedAt;
        if (reader.ValueTextEquals("idempotency_key"u8)) return EventKey.IdempotencyKey;
        if (reader.ValueTextEquals("source"u8)) return EventKey.Source;
        if (reader.ValueTextEquals("return_url"u8)) return EventKey.ReturnUrl;
        if (reader.ValueTextEquals("fields"u8)) return EventKey.Fields;
        return EventKey.Other;
    }
}
