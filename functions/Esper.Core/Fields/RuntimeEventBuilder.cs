using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Collects validated event parts; each Read method returns a failure naming the field, or null.</summary>
internal sealed class RuntimeEventBuilder
{
    // Created on first entry: most events carry only some of the maps.
    private Dictionary<string, string>? _headers;
    private Dictionary<string, string>? _query;
    private Dictionary<string, string>? _cookies;
    private Dictionary<string, string>? _route;
    private Dictionary<string, string>? _fields;

    private DateTimeOffset? ObservedAt { get; set; }

    private string? IdempotencyKey { get; set; }

    private string? Source { get; set; }

    private string? ReturnUrl { get; set; }

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
        Headers = _headers ?? RuntimeEvent.NoEntries,
        QueryParams = _query ?? RuntimeEvent.NoEntries,
        Cookies = _cookies ?? RuntimeEvent.NoEntries,
        RouteParams = _route ?? RuntimeEvent.NoEntries,
        Fields = _fields ?? RuntimeEvent.NoEntries,
        BodyJson = BodyJson,
    };

    /// <summary>Sets the given event-level strings; returns null so it chains after a successful read.</summary>
    public ParseResult? Set(string? idempotencyKey = null, string? source = null, string? returnUrl = null)
    {
        IdempotencyKey = idempotencyKey ?? IdempotencyKey;
        Source = source ?? Source;
        ReturnUrl = returnUrl ?? ReturnUrl;
        return null;
    }

    public ParseResult? ReadObservedAt(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !ObservedAtParser.TryParse(value, out var at))
        {
            return ParseResult.Fail(path, $"{path} must be an RFC 3339 timestamp such as 2026-03-19T10:15:00Z.");
        }

        ObservedAt = at;
        return null;
    }

    public static ParseResult? ReadString(JsonElement value, string path, int maxLength, out string? text)
    {
        text = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                text = value.GetString()!;
                return text.Length > maxLength ? ParseResult.Fail(path, $"{path} is longer than {maxLength} characters.") : null;
            default:
                return ParseResult.Fail(path, $"{path} must be a string.");
        }
    }

    /// <summary>Reads one request property (of the request object, or of the flat body); false in <paramref name="known"/> for other keys.</summary>
    public ParseResult? ReadRequestProperty(JsonProperty property, bool nested, out bool known)
    {
        var key = EventKeys.Classify(property);
        known = key >= EventKey.Method;
        return known ? ReadRequestProperty(key, property.Value, EventKeys.Path(key, nested)) : null;
    }

    private ParseResult? ReadRequestProperty(EventKey key, JsonElement value, string path)
    {
        switch (key)
        {
            case EventKey.Method:
                var methodError = ReadString(value, path, FieldLimits.MaxMethodLength, out var method);
                Method = method?.Trim();
                return methodError ?? CheckMethod(path);
            case EventKey.Path:
                var pathError = ReadString(value, path, FieldLimits.MaxPathLength, out var requestPath);
                Path = requestPath;
                return pathError;
            case EventKey.ClientIp or EventKey.Ip:
                var ipError = ReadString(value, path, FieldLimits.MaxClientIpLength, out var ip);
                ClientIp ??= string.IsNullOrWhiteSpace(ip) ? null : ip;
                return ipError ?? CheckClientIp(path);
            case EventKey.UserAgent:
                if (value.ValueKind == JsonValueKind.String && _headers?.GetValueOrDefault("user-agent") is { } header && value.ValueEquals(header)
                    && header.Length <= FieldLimits.MaxUserAgentLength)
                {
                    // The same text as the header read before it: share the string.
                    UserAgent = header;
                    return null;
                }

                var userAgentError = ReadString(value, path, FieldLimits.MaxUserAgentLength, out var userAgent);
                UserAgent = userAgent;
                return userAgentError;
            case EventKey.Headers:
                return EventMapReader.Read(value, path, ref _headers, FieldLimits.MaxHeaders, lowerCaseNames: true, UserAgent);
            case EventKey.QueryParams:
                return EventMapReader.Read(value, path, ref _query, FieldLimits.MaxQueryParams, lowerCaseNames: false);
            case EventKey.Cookies:
                return EventMapReader.Read(value, path, ref _cookies, FieldLimits.MaxCookies, lowerCaseNames: true);
            case EventKey.RouteParams:
                return EventMapReader.Read(value, path, ref _route, FieldLimits.MaxRouteParams, lowerCaseNames: false);
            default:
                return ReadBody(value, path);
        }
    }

    public ParseResult? ReadFields(JsonElement value, string path) =>
        EventMapReader.Read(value, path, ref _fields, FieldLimits.MaxFields, lowerCaseNames: false);

    /// <summary>In the flat shape every other top-level key is a tenant field.</summary>
    public ParseResult? ReadExtraField(JsonProperty property) =>
        EventMapReader.AddEntry(_fields ??= new(StringComparer.Ordinal), property.Name, property.Value, null, FieldLimits.MaxFields, lowerCaseNames: false, "fields");

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
        ClientIp is not null && ClientIpNormalizer.Normalize(ClientIp) is null
            ? ParseResult.Fail(path, $"{path} must be an IPv4 or IPv6 address.")
            : null;

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
}
