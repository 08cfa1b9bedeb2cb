using System.Globalization;

namespace Esper.Core.Fields;

/// <summary>The encoding rules of docs/field-model.md, applied to one parsed event.</summary>
internal static class RequestNormalizer
{
    private const string ObservedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static EncodedRequest Encode(RuntimeEvent ev)
    {
        var fixedFields = new string?[EncodedRequest.FixedCount];
        var headers = LowerCaseNames(ev.Headers);

        fixedFields[(int)FieldKind.Method] = NormalizeMethod(ev.Method);
        fixedFields[(int)FieldKind.Path] = PathNormalizer.Normalize(ev.Path, out var queryString);

        var clientIp = ClientIpNormalizer.Normalize(ev.ClientIp);
        if (clientIp is null && headers.TryGetValue("x-forwarded-for", out var forwardedFor))
        {
            clientIp = ClientIpNormalizer.Normalize(forwardedFor);
        }

        fixedFields[(int)FieldKind.ClientIp] = clientIp;
        fixedFields[(int)FieldKind.ClientIpVersion] = IpVersion(clientIp);
        fixedFields[(int)FieldKind.UserAgent] = NonEmpty(ev.UserAgent) ?? NonEmpty(headers.GetValueOrDefault("user-agent"));
        fixedFields[(int)FieldKind.Referrer] = NonEmpty(headers.GetValueOrDefault("referer"));
        fixedFields[(int)FieldKind.Source] = NonEmpty(ev.Source);

        return new EncodedRequest(
            fixedFields,
            headers,
            MergeQuery(ev.QueryParams, queryString),
            MergeCookies(LowerCaseNames(ev.Cookies), headers.GetValueOrDefault("cookie")),
            ev.RouteParams,
            ev.Fields,
            ev.BodyJson,
            null,
            ev.ObservedAt);
    }

    /// <summary>"4" or "6" for a canonical IP text (IPv6 text always has a colon, IPv4 text never).</summary>
    public static string? IpVersion(string? canonicalIp) => canonicalIp is null ? null : canonicalIp.Contains(':') ? "6" : "4";

    /// <summary>RFC 3339 in UTC with exactly three fraction digits, so that text order is time order.</summary>
    public static string? FormatObservedAt(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString(ObservedAtFormat, CultureInfo.InvariantCulture);

    private static string? NormalizeMethod(string? method)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            return null;
        }

        foreach (var c in method)
        {
            if (c is < 'A' or > 'Z')
            {
                return method.Trim().ToUpperInvariant();
            }
        }

        return method;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static IReadOnlyDictionary<string, string> LowerCaseNames(IReadOnlyDictionary<string, string> map)
    {
        if (AllLowerCase(map))
        {
            return map;
        }

        var copy = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            var key = name.Trim().ToLowerInvariant();
            copy[key] = copy.TryGetValue(key, out var existing) ? existing + ", " + value : value;
        }

        return copy;
    }

    private static bool AllLowerCase(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return true;
        }

        if (map is Dictionary<string, string> dictionary)
        {
            // Parsed events come as Dictionary: its struct enumerator keeps the check allocation-free.
            foreach (var name in dictionary.Keys)
            {
                if (!IsLowerCaseName(name))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var name in map.Keys)
        {
            if (!IsLowerCaseName(name))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerCaseName(string name) =>
        name.Length > 0 && !char.IsWhiteSpace(name[0]) && !char.IsWhiteSpace(name[^1]) && !name.AsSpan().ContainsAnyInRange('A', 'Z') && !name.AsSpan().ContainsAnyExceptInRange('\0', '\x7f');

    private static IReadOnlyDictionary<string, string> MergeQuery(IReadOnlyDictionary<string, string> explicitParams, string? queryString)
    {
        if (string.IsNullOrEmpty(queryString))
        {
            return explicitParams;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in explicitParams)
        {
            merged[name] = value;
        }

        NameValueParser.ParseQuery(queryString, merged, FieldLimits.MaxQueryParams);
        return merged;
    }

    private static IReadOnlyDictionary<string, string> MergeCookies(IReadOnlyDictionary<string, string> explicitCookies, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return explicitCookies;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in explicitCookies)
        {
            merged[name] = value;
        }

        NameValueParser.ParseCookieHeader(header, merged, FieldLimits.MaxCookies);
        return merged;
    }
}
