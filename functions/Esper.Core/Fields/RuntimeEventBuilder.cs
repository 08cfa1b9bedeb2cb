using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Collects validated event parts; each Read method returns a failure naming the field, or null.</summary>
internal sealed class RuntimeEventBuilder
{
    private const int MaxNameInMessage = 64;

    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _query = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _route = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public DateTimeOffset? ObservedAt { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? Source { get; set; }

    public string? ReturnUrl { get; set; }

    private string? Method { get; set; }

    private string? Path { get; set; }

    private string? ClientIp { get; set; }

    private string? UserAgent { get; set; }

    private string? BodyJson { get; set; }

    public RuntimeEvent Build() => new()
    {
        ObservedAt = ObservedAt,
        IdempotencyKey = IdempotencyKey,
        Source = Source,
        ReturnUrl = ReturnUrl,
        Method = Method,
        Path = Path,
        ClientIp = ClientIp,
        UserAgent = UserAgent,
        Headers = _headers,
        QueryParams = _query,
        Cookies = _cookies,
        RouteParams = _route,
        Fields = _fields,
        BodyJson = BodyJson,
    };

    public ParseResult? ReadObservedAt(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !ObservedAtParser.TryParse(value.GetString(), out var at))
        {
            return ParseResult.Fail(path, $"{path} must be an RFC 3339 timestamp such as 2026-03-19T10:15:00Z.");
        }

        ObservedAt = at;
        return null;
    }

    public ParseResult? ReadString(JsonElement value, string path, int maxLength, Action<string?> set)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length > maxLength)
                {
                    return ParseResult.Fail(path, $"{path} is longer than {maxLength} characters.");
                }

                set(text);
                return null;
            default:
                return ParseResult.Fail(path, $"{path} must be a string.");
        }
    }

    /// <summary>Reads one property of the request object (or of the flat body); <paramref name="known"/> says whether it is one.</summary>
    public ParseResult? ReadRequestProperty(JsonProperty property, string prefix, out bool known)
    {
        known = true;
        var path = prefix + property.Name;
        var value = property.Value;
        switch (property.Name)
        {
            case "method":
                return ReadString(value, path, FieldLimits.MaxMethodLength, v => Method = v?.Trim()) ?? CheckMethod(path);
            case "path":
                return ReadString(value, path, FieldLimits.MaxPathLength, v => Path = v);
            case "client_ip" or "ip":
                return ReadString(value, path, FieldLimits.MaxClientIpLength, v => ClientIp ??= string.IsNullOrWhiteSpace(v) ? null : v)
                    ?? CheckClientIp(path);
            case "user_agent":
                return ReadString(value, path, FieldLimits.MaxUserAgentLength, v => UserAgent = v);
            case "headers":
                return ReadMap(value, path, _headers, FieldLimits.MaxHeaders, lowerCaseNames: true);
            case "query_params":
                return ReadMap(value, path, _query, FieldLimits.MaxQueryParams, lowerCaseNames: false);
            case "cookies":
                return ReadMap(value, path, _cookies, FieldLimits.MaxCookies, lowerCaseNames: true);
            case "route_params":
                return ReadMap(value, path, _route, FieldLimits.MaxRouteParams, lowerCaseNames: false);
            case "body":
                return ReadBody(value, path);
            default:
                known = false;
                return null;
        }
    }

    public ParseResult? ReadFields(JsonElement value, string path) =>
        ReadMap(value, path, _fields, FieldLimits.MaxFields, lowerCaseNames: false);

    /// <summary>In the flat shape every other top-level key is a tenant field.</summary>
    public ParseResult? ReadExtraField(JsonProperty property) =>
        AddEntry(_fields, property.Name, property.Value, Shorten(property.Name), FieldLimits.MaxFields, lowerCaseNames: false, "fields");

    private ParseResult? CheckMethod(string path)
    {
        if (Method is null)
        {
            return null;
        }

        foreach (var c in Method)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return ParseResult.Fail(path, $"{path} must be an HTTP method token such as GET or POST.");
            }
        }

        return null;
    }

    private ParseResult? CheckClientIp(string path) =>
        ClientIp is not null && ClientIpNormalizer.Normalize(ClientIp, out _) is null
            ? ParseResult.Fail(path, $"{path} must be an IPv4 or IPv6 address.")
            : null;

    private ParseResult? ReadMap(JsonElement value, string path, Dictionary<string, string> into, int maxEntries, bool lowerCaseNames)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail(path, $"{path} must be an object.");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (AddEntry(into, property.Name, property.Value, path + "." + Shorten(property.Name), maxEntries, lowerCaseNames, path) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ParseResult? AddEntry(
        Dictionary<string, string> into, string name, JsonElement value, string path, int maxEntries, bool lowerCaseNames, string mapPath)
    {
        if (name.Trim().Length == 0 || name.Length > FieldLimits.MaxNameLength)
        {
            return ParseResult.Fail(path, $"{path}: names must be 1 to {FieldLimits.MaxNameLength} characters.");
        }

        string? text;
        if (value.ValueKind == JsonValueKind.Array && mapPath.EndsWith("headers", StringComparison.Ordinal))
        {
            // A header sent as a list of values folds into one comma-separated value, as HTTP does.
            var parts = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (BodyFlattener.ScalarText(item) is not { } part)
                {
                    return ParseResult.Fail(path, $"{path} must be a string or a list of strings.");
                }

                parts.Add(part);
            }

            text = string.Join(", ", parts);
        }
        else if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        else if ((text = BodyFlattener.ScalarText(value)) is null)
        {
            return ParseResult.Fail(path, $"{path} must be a string, number or boolean.");
        }

        if (text.Length > FieldLimits.MaxValueLength)
        {
            return ParseResult.Fail(path, $"{path} is longer than {FieldLimits.MaxValueLength} characters.");
        }

        var key = lowerCaseNames ? name.Trim().ToLowerInvariant() : name;
        if (into.TryGetValue(key, out var existing))
        {
            into[key] = existing + ", " + text;
            return null;
        }

        if (into.Count >= maxEntries)
        {
            return ParseResult.Fail(mapPath, $"{mapPath} has more than {maxEntries} entries.");
        }

        into[key] = text;
        return null;
    }

    private ParseResult? ReadBody(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var raw = value.GetRawText();
        if (raw.Length > FieldLimits.MaxBodyLength)
        {
            return ParseResult.Fail(path, $"{path} is longer than {FieldLimits.MaxBodyLength} characters of JSON.");
        }

        var leaves = 0;
        if (BodyShape.Check(value, path, ref leaves) is { } error)
        {
            return error;
        }

        BodyJson = raw;
        return null;
    }

    private static string Shorten(string name) => name.Length <= MaxNameInMessage ? name : name[..MaxNameInMessage] + "...";
}
