namespace Esper.Core.Fields;

/// <summary>The limits an event body must respect; a body over any of them is rejected naming the field.</summary>
public static class FieldLimits
{
    /// <summary>Most entries in <c>request.headers</c>.</summary>
    public const int MaxHeaders = 100;

    /// <summary>Most entries in <c>request.query_params</c>; a query string in the path adds entries only up to this count.</summary>
    public const int MaxQueryParams = 100;

    /// <summary>Most entries in <c>request.cookies</c>.</summary>
    public const int MaxCookies = 100;

    /// <summary>Most entries in <c>request.route_params</c>.</summary>
    public const int MaxRouteParams = 100;

    /// <summary>Most entries in <c>fields</c> (in the flat shape: extra top-level keys count as fields).</summary>
    public const int MaxFields = 100;

    /// <summary>Longest name of a header, query parameter, cookie, route parameter or field, in characters.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest string value in general (header, cookie, query, route and field values), in characters.</summary>
    public const int MaxValueLength = 8192;

    /// <summary>Longest <c>request.path</c>, in characters.</summary>
    public const int MaxPathLength = 8192;

    /// <summary>Longest <c>user_agent</c>, in characters.</summary>
    public const int MaxUserAgentLength = 2048;

    /// <summary>Longest <c>request.method</c>, in characters.</summary>
    public const int MaxMethodLength = 32;

    /// <summary>Longest <c>client_ip</c> / <c>ip</c> value, in characters (a forwarded-for list is allowed).</summary>
    public const int MaxClientIpLength = 1024;

    /// <summary>Longest <c>source</c> and <c>idempotency_key</c>, in characters.</summary>
    public const int MaxIdentifierLength = 256;

    /// <summary>Longest <c>return_url</c>, in characters.</summary>
    public const int MaxReturnUrlLength = 8192;

    /// <summary>Deepest nesting of <c>request.body</c> (an object or array directly under <c>body</c> is depth 1).</summary>
    public const int MaxBodyDepth = 16;

    /// <summary>Most scalar values (leaves) in <c>request.body</c>.</summary>
    public const int MaxBodyLeaves = 1000;

    /// <summary>Largest <c>request.body</c> as JSON text, in characters.</summary>
    public const int MaxBodyLength = 65536;
}
