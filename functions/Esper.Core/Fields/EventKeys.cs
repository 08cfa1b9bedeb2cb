using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Classifies event properties by comparing UTF-8 names in place (every decision parses a body).</summary>
internal static class EventKeys
{
    public static EventKey Classify(JsonProperty property)
    {
        if (property.NameEquals("method"u8)) return EventKey.Method;
        if (property.NameEquals("path"u8)) return EventKey.Path;
        if (property.NameEquals("client_ip"u8)) return EventKey.ClientIp;
        if (property.NameEquals("user_agent"u8)) return EventKey.UserAgent;
        if (property.NameEquals("headers"u8)) return EventKey.Headers;
        if (property.NameEquals("query_params"u8)) return EventKey.QueryParams;
        if (property.NameEquals("cookies"u8)) return EventKey.Cookies;
        if (property.NameEquals("route_params"u8)) return EventKey.RouteParams;
        if (property.NameEquals("body"u8)) return EventKey.Body;
        if (property.NameEquals("ip"u8)) return EventKey.Ip;
        if (property.NameEquals("request"u8)) return EventKey.Request;
        if (property.NameEquals("observed_at"u8)) return EventKey.ObservedAt;
        if (property.NameEquals("idempotency_key"u8)) return EventKey.IdempotencyKey;
        if (property.NameEquals("source"u8)) return EventKey.Source;
        if (property.NameEquals("return_url"u8)) return EventKey.ReturnUrl;
        if (property.NameEquals("fields"u8)) return EventKey.Fields;
        return EventKey.Other;
    }

    /// <summary>The error path of a request key: <c>request.method</c> in the nested shape, <c>method</c> in the flat one.</summary>
    public static string Path(EventKey key, bool nested) => (key, nested) switch
    {
        (EventKey.Method, true) => "request.method",
        (EventKey.Method, false) => "method",
        (EventKey.Path, true) => "request.path",
        (EventKey.Path, false) => "path",
        (EventKey.ClientIp, true) => "request.client_ip",
        (EventKey.ClientIp, false) => "client_ip",
        (EventKey.Ip, true) => "request.ip",
        (EventKey.Ip, false) => "ip",
        (EventKey.UserAgent, true) => "request.user_agent",
        (EventKey.UserAgent, false) => "user_agent",
        (EventKey.Headers, true) => "request.headers",
        (EventKey.Headers, false) => "headers",
        (EventKey.QueryParams, true) => "request.query_params",
        (EventKey.QueryParams, false) => "query_params",
        (EventKey.Cookies, true) => "request.cookies",
        (EventKey.Cookies, false) => "cookies",
        (EventKey.RouteParams, true) => "request.route_params",
        (EventKey.RouteParams, false) => "route_params",
        (EventKey.Body, true) => "request.body",
        (EventKey.Body, false) => "body",
        _ => "request",
    };
}
