namespace Esper.Core.Fields;

/// <summary>Maps canonical names and aliases onto field kinds; the single source of the naming rules.</summary>
internal static class FieldNameResolver
{
    private static readonly Dictionary<string, FieldKind> Fixed = new(StringComparer.Ordinal)
    {
        [FieldNames.RequestMethod] = FieldKind.Method,
        [FieldNames.RequestPath] = FieldKind.Path,
        [FieldNames.ClientIp] = FieldKind.ClientIp,
        [FieldNames.UserAgent] = FieldKind.UserAgent,
        [FieldNames.Referrer] = FieldKind.Referrer,
        [FieldNames.Source] = FieldKind.Source,
        [FieldNames.ObservedAt] = FieldKind.ObservedAt,
        [FieldNames.ClientIpVersion] = FieldKind.ClientIpVersion,
        [FieldNames.Crawler] = FieldKind.Crawler,
        [FieldNames.CrawlerOperator] = FieldKind.CrawlerOperator,

        // Aliases: the flat catalog names of the field reference and a few obvious spellings.
        ["http_method"] = FieldKind.Method,
        ["request_path"] = FieldKind.Path,
        ["source_id"] = FieldKind.Source,
        ["referer"] = FieldKind.Referrer,
        ["request.client_ip"] = FieldKind.ClientIp,
        ["request.user_agent"] = FieldKind.UserAgent,
    };

    private static readonly (string Prefix, FieldKind Keyed, FieldKind Map)[] Families =
    [
        ("request.headers", FieldKind.Header, FieldKind.Headers),
        ("request.query", FieldKind.Query, FieldKind.QueryMap),
        ("request.query_params", FieldKind.Query, FieldKind.QueryMap),
        ("request.cookies", FieldKind.Cookie, FieldKind.Cookies),
        ("request.route", FieldKind.Route, FieldKind.RouteMap),
        ("request.route_params", FieldKind.Route, FieldKind.RouteMap),
        ("fields", FieldKind.Field, FieldKind.FieldsMap),
    ];

    public static FieldReference? Resolve(string name)
    {
        if (Fixed.TryGetValue(name, out var kind))
        {
            return new FieldReference(kind, string.Empty);
        }

        if (name.StartsWith("request_header_", StringComparison.Ordinal) && name.Length > "request_header_".Length)
        {
            // The flat catalog spells header names with underscores for hyphens: request_header_user_agent.
            return Keyed(FieldKind.Header, name["request_header_".Length..].Replace('_', '-'));
        }

        if (name == "request.body" || name == "body" || name == "$.body")
        {
            return new FieldReference(FieldKind.Body, string.Empty);
        }

        if (name.StartsWith("request.body.", StringComparison.Ordinal))
        {
            return Keyed(FieldKind.Body, name["request.body.".Length..]);
        }

        if (name.StartsWith("$.body.", StringComparison.Ordinal))
        {
            return Keyed(FieldKind.Body, name["$.body.".Length..]);
        }

        if (name.StartsWith("body->", StringComparison.Ordinal))
        {
            // The builder's body data reference form: body->user->email.
            return Keyed(FieldKind.Body, name["body->".Length..].Replace("->", ".", StringComparison.Ordinal));
        }

        foreach (var (prefix, keyed, map) in Families)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (name.Length == prefix.Length)
            {
                return new FieldReference(map, string.Empty);
            }

            if (name[prefix.Length] == '.')
            {
                return Keyed(keyed, name[(prefix.Length + 1)..]);
            }
        }

        return null;
    }

    private static FieldReference? Keyed(FieldKind kind, string key)
    {
        if (key.Length == 0 || (key.Split('.').Any(static s => s.Length == 0) && kind == FieldKind.Body))
        {
            return null;
        }

        return new FieldReference(kind, kind is FieldKind.Header or FieldKind.Cookie ? key.ToLowerInvariant() : key);
    }

    public static string CanonicalName(FieldKind kind, string key) => kind switch
    {
        FieldKind.Method => FieldNames.RequestMethod,
        FieldKind.Path => FieldNames.RequestPath,
        FieldKind.ClientIp => FieldNames.ClientIp,
        FieldKind.UserAgent => FieldNames.UserAgent,
        FieldKind.Referrer => FieldNames.Referrer,
        FieldKind.Source => FieldNames.Source,
        FieldKind.ObservedAt => FieldNames.ObservedAt,
        FieldKind.ClientIpVersion => FieldNames.ClientIpVersion,
        FieldKind.Crawler => FieldNames.Crawler,
        FieldKind.CrawlerOperator => FieldNames.CrawlerOperator,
        FieldKind.Header => FieldNames.HeaderPrefix + key,
        FieldKind.Query => FieldNames.QueryPrefix + key,
        FieldKind.Cookie => FieldNames.CookiePrefix + key,
        FieldKind.Route => FieldNames.RoutePrefix + key,
        FieldKind.Body => key.Length == 0 ? "request.body" : FieldNames.BodyPrefix + key,
        FieldKind.Field => FieldNames.FieldPrefix + key,
        FieldKind.Headers => "request.headers",
        FieldKind.QueryMap => "request.query",
        FieldKind.Cookies => "request.cookies",
        FieldKind.RouteMap => "request.route",
        FieldKind.FieldsMap => "fields",
        _ => key,
    };
}
