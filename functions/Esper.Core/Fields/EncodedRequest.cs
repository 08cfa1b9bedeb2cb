using System.Net;

namespace Esper.Core.Fields;

/// <summary>
/// The stable field model of one request: named, normalised fields that expressions and entity keys read.
/// Fixed fields live in a slot array and keyed families in one map each, so a reader resolved once with
/// <see cref="FieldReference"/> costs an array index or one map lookup. Safe to read from several threads.
/// </summary>
public sealed class EncodedRequest
{
    internal const int FixedCount = (int)FieldKind.CrawlerOperator + 1;

    private static readonly IReadOnlyDictionary<string, string> NoEntries = new Dictionary<string, string>();

    private readonly string?[] _fixed;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly IReadOnlyDictionary<string, string> _query;
    private readonly IReadOnlyDictionary<string, string> _cookies;
    private readonly IReadOnlyDictionary<string, string> _route;
    private readonly IReadOnlyDictionary<string, string> _fields;
    private readonly string? _bodyJson;
    private IReadOnlyDictionary<string, string>? _body;
    private readonly DateTimeOffset? _observedAt;
    private IPAddress? _clientIpAddress;
    private volatile bool _crawlerResolved;

    internal EncodedRequest(
        string?[] fixedFields,
        IReadOnlyDictionary<string, string>? headers,
        IReadOnlyDictionary<string, string>? query,
        IReadOnlyDictionary<string, string>? cookies,
        IReadOnlyDictionary<string, string>? route,
        IReadOnlyDictionary<string, string>? fields,
        string? bodyJson,
        IReadOnlyDictionary<string, string>? body,
        DateTimeOffset? observedAt = null)
    {
        _fixed = fixedFields;
        _headers = headers ?? NoEntries;
        _query = query ?? NoEntries;
        _cookies = cookies ?? NoEntries;
        _route = route ?? NoEntries;
        _fields = fields ?? NoEntries;
        _bodyJson = bodyJson;
        _body = body;
        _observedAt = observedAt;
        _crawlerResolved = fixedFields[(int)FieldKind.Crawler] is not null;
    }

    /// <summary>The parsed client IP (IPv4-mapped addresses already folded), when the request has one.</summary>
    internal IPAddress? ClientIpAddress =>
        _clientIpAddress ??= _fixed[(int)FieldKind.ClientIp] is { } ip && IPAddress.TryParse(ip, out var parsed)
            ? (parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed)
            : null;

    /// <summary>Reads a field by canonical or alias name as text; false when the request has no such field.</summary>
    public bool TryGetText(string fieldName, out string value)
    {
        if (FieldReference.TryParse(fieldName, out var field))
        {
            return TryGetText(field, out value);
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads a resolved field as text; false when the request has no such field (maps are never text).</summary>
    public bool TryGetText(FieldReference field, out string value)
    {
        value = GetText(field)!;
        return value is not null;
    }

    /// <summary>Every field of the request under its canonical name, ordered by name (records and debugging).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToFieldList()
    {
        var list = new List<KeyValuePair<string, string>>();
        for (var kind = 0; kind < FixedCount; kind++)
        {
            if (GetFixed((FieldKind)kind) is { } text)
            {
                list.Add(new(FieldNameResolver.CanonicalName((FieldKind)kind, string.Empty), text));
            }
        }

        AddFamily(list, FieldKind.Header, _headers);
        AddFamily(list, FieldKind.Query, _query);
        AddFamily(list, FieldKind.Cookie, _cookies);
        AddFamily(list, FieldKind.Route, _route);
        AddFamily(list, FieldKind.Field, _fields);
        foreach (var (key, text) in Body)
        {
            list.Add(new(FieldNameResolver.CanonicalName(FieldKind.Body, key), text));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>Creates an encoded request straight from canonical field values (tests and benchmarks).</summary>
    /// <remarks>Values are taken as given; only the derived fields (IP version, crawler) are filled in when absent.</remarks>
    public static EncodedRequest FromFields(IReadOnlyDictionary<string, string> fields)
    {
        var fixedFields = new string?[FixedCount];
        var families = new Dictionary<FieldKind, Dictionary<string, string>>();
        foreach (var (name, text) in fields)
        {
            if (!FieldReference.TryParse(name, out var field) || field.IsMap)
            {
                continue;
            }

            if (field.Kind < FieldKind.Header)
            {
                fixedFields[(int)field.Kind] = text;
                continue;
            }

            if (!families.TryGetValue(field.Kind, out var family))
            {
                family = new Dictionary<string, string>(StringComparer.Ordinal);
                families[field.Kind] = family;
            }

            family[field.Key] = text;
        }

        if (fixedFields[(int)FieldKind.ClientIp] is { } ip && IPAddress.TryParse(ip, out _))
        {
            fixedFields[(int)FieldKind.ClientIpVersion] ??= RequestNormalizer.IpVersion(ip);
        }

        return new EncodedRequest(
            fixedFields,
            families.GetValueOrDefault(FieldKind.Header),
            families.GetValueOrDefault(FieldKind.Query),
            families.GetValueOrDefault(FieldKind.Cookie),
            families.GetValueOrDefault(FieldKind.Route),
            families.GetValueOrDefault(FieldKind.Field),
            null,
            families.GetValueOrDefault(FieldKind.Body) ?? (IReadOnlyDictionary<string, string>)NoEntries);
    }

    internal string? GetText(FieldReference field)
    {
        var kind = field.Kind;
        if (kind < FieldKind.Header)
        {
            return GetFixed(kind);
        }

        var map = kind switch
        {
            FieldKind.Header => _headers,
            FieldKind.Query => _query,
            FieldKind.Cookie => _cookies,
            FieldKind.Route => _route,
            FieldKind.Field => _fields,
            FieldKind.Body => Body,
            _ => null,
        };
        return map is not null && map.TryGetValue(field.Key, out var text) ? text : null;
    }

    /// <summary>Number of entries of a map field; for a text field, its length; null when absent.</summary>
    internal int? Size(FieldReference field) => field.Kind switch
    {
        FieldKind.Headers => _headers.Count,
        FieldKind.QueryMap => _query.Count,
        FieldKind.Cookies => _cookies.Count,
        FieldKind.RouteMap => _route.Count,
        FieldKind.FieldsMap => _fields.Count,
        _ => GetText(field)?.Length,
    };

    private IReadOnlyDictionary<string, string> Body => _body ??= _bodyJson is null ? NoEntries : BodyFlattener.Flatten(_bodyJson);

    private string? GetFixed(FieldKind kind)
    {
        if (kind is FieldKind.Crawler or FieldKind.CrawlerOperator && !_crawlerResolved)
        {
            // Derived lazily: most decisions never read it, and the token scan is the costliest encoding rule.
            var crawler = KnownCrawlers.Find(_fixed[(int)FieldKind.UserAgent]);
            _fixed[(int)FieldKind.CrawlerOperator] ??= crawler?.Operator;
            _fixed[(int)FieldKind.Crawler] = crawler?.Token;
            _crawlerResolved = true;
        }

        if (kind == FieldKind.ObservedAt && _observedAt is { } at)
        {
            // Formatting a timestamp costs more than the rest of the encoding; only readers pay for it.
            return _fixed[(int)kind] ??= RequestNormalizer.FormatObservedAt(at);
        }

        return _fixed[(int)kind];
    }

    private static void AddFamily(List<KeyValuePair<string, string>> list, FieldKind kind, IReadOnlyDictionary<string, string> map)
    {
        foreach (var (key, text) in map)
        {
            list.Add(new(FieldNameResolver.CanonicalName(kind, key), text));
        }
    }
}
