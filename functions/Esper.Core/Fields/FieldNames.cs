namespace Esper.Core.Fields;

/// <summary>Canonical names of the fixed fields and prefixes of the keyed families (see docs/field-model.md).</summary>
public static class FieldNames
{
    /// <summary>HTTP method, upper-case.</summary>
    public const string RequestMethod = "request.method";

    /// <summary>Path, percent-decoded, dot-segments removed, without query string.</summary>
    public const string RequestPath = "request.path";

    /// <summary>Client IP in canonical text form.</summary>
    public const string ClientIp = "client_ip";

    /// <summary>User agent.</summary>
    public const string UserAgent = "user_agent";

    /// <summary>Referring URL (the <c>referer</c> header).</summary>
    public const string Referrer = "referrer";

    /// <summary>The sending integration.</summary>
    public const string Source = "source";

    /// <summary>When the source saw the request, UTC, fixed-width milliseconds.</summary>
    public const string ObservedAt = "observed_at";

    /// <summary>"4" or "6".</summary>
    public const string ClientIpVersion = "client_ip_version";

    /// <summary>The known-crawler token found in the user agent (e.g. <c>GPTBot</c>).</summary>
    public const string Crawler = "crawler";

    /// <summary>Who runs that crawler (e.g. <c>openai</c>).</summary>
    public const string CrawlerOperator = "crawler_operator";

    /// <summary>Prefix of header fields; names are lower-case.</summary>
    public const string HeaderPrefix = "request.headers.";

    /// <summary>Prefix of query parameter fields.</summary>
    public const string QueryPrefix = "request.query.";

    /// <summary>Prefix of cookie fields; names are lower-case.</summary>
    public const string CookiePrefix = "request.cookies.";

    /// <summary>Prefix of route parameter fields.</summary>
    public const string RoutePrefix = "request.route.";

    /// <summary>Prefix of body fields (dotted path into the JSON body).</summary>
    public const string BodyPrefix = "request.body.";

    /// <summary>Prefix of tenant fields.</summary>
    public const string FieldPrefix = "fields.";
}
