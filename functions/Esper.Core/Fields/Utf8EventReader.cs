using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>
/// Reads an event body from its UTF-8 bytes in one forward pass, straight into a <see cref="RuntimeEvent"/>: the
/// fast path of every decision. It only answers bodies that are valid events within the limits, and answers them
/// exactly as <see cref="RuntimeEventParser"/> does from a parsed document; anything else (an invalid or hostile
/// body, a key given twice where order would matter) makes it decline, and the caller reads the body the slow way
/// for the error that names the field.
/// </summary>
internal ref partial struct Utf8EventReader
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly EventTextLimits _limits;
    private readonly bool _assumeNested;
    private int _properties;

    private Dictionary<string, string>? _headers;
    private Dictionary<string, string>? _query;
    private Dictionary<string, string>? _cookies;
    private Dictionary<string, string>? _route;
    private Dictionary<string, string>? _fields;
    private List<string>? _ignoredKeys;
    private List<string>? _ignoredRequestKeys;
    private DateTimeOffset? _observedAt;
    private string? _idempotencyKey;
    private string? _source;
    private string? _returnUrl;
    private string? _method;
    private string? _path;
    private string? _clientIp;
    private string? _userAgent;
    private string? _bodyJson;

    private Utf8EventReader(ReadOnlySpan<byte> json, EventTextLimits limits, bool assumeNested)
    {
        _json = json;
        _limits = limits;
        _assumeNested = assumeNested;
    }

    private enum Outcome
    {
        Read,
        Declined,
        ReadAgainAsNested,
    }

    /// <summary>The event when the body is a valid event within the limits; null when the caller must read it the slow way.</summary>
    public static ParseResult? TryRead(ReadOnlySpan<byte> json, EventTextLimits limits)
    {
        try
        {
            var reader = new Utf8EventReader(json, limits, assumeNested: false);
            var outcome = reader.Run();
            if (outcome == Outcome.ReadAgainAsNested)
            {
                // A request key of the flat shape came before "request": now the shape is known, read once more.
                reader = new Utf8EventReader(json, limits, assumeNested: true);
                outcome = reader.Run();
            }

            return outcome == Outcome.Read ? reader.Result() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Malformed JSON, nesting over the limit, or text that is not valid UTF-8: the slow path names it.
            return null;
        }
    }

    private readonly ParseResult Result() => ParseResult.Ok(
        new RuntimeEvent
        {
            ObservedAt = _observedAt,
            IdempotencyKey = _idempotencyKey,
            Source = _source,
            ReturnUrl = _returnUrl,
            Method = _method,
            Path = _path,
            ClientIp = _clientIp,
            UserAgent = _userAgent,
            Headers = _headers ?? RuntimeEvent.NoEntries,
            QueryParams = _query ?? RuntimeEvent.NoEntries,
            Cookies = _cookies ?? RuntimeEvent.NoEntries,
            RouteParams = _route ?? RuntimeEvent.NoEntries,
            Fields = _fields ?? RuntimeEvent.NoEntries,
            BodyJson = _bodyJson,
        },
        _ignoredKeys,
        _ignoredRequestKeys);

    private Outcome Run()
    {
        var reader = new Utf8JsonReader(_json, new JsonReaderOptions { MaxDepth = _limits.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Outcome.Declined;
        }

        var requestRead = false;
        var flatKeyRead = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!CheckName(ref reader))
            {
                return Outcome.Declined;
            }

            var key = Utf8EventKeys.Classify(ref reader);
            var name = key == EventKey.Other || (key >= EventKey.Method && (requestRead || _assumeNested)) ? reader.GetString()! : null;
            reader.Read();
            bool ok;
            switch (key)
            {
                case EventKey.Request:
                    // A second "request" (the last one wins), or one that is not an object: the slow path decides.
                    if (requestRead || reader.TokenType != JsonTokenType.StartObject)
                    {
                        return Outcome.Declined;
                    }

                    if (flatKeyRead)
                    {
                        return Outcome.ReadAgainAsNested;
                    }

                    requestRead = true;
                    ok = ReadRequest(ref reader);
                    break;
                case EventKey.ObservedAt:
                    ok = ReadObservedAt(ref reader);
                    break;
                case EventKey.IdempotencyKey:
                    ok = ReadString(ref reader, FieldLimits.MaxIdentifierLength, out var key0);
                    _idempotencyKey = key0 ?? _idempotencyKey;
                    break;
                case EventKey.Source:
                    ok = ReadString(ref reader, FieldLimits.MaxIdentifierLength, out var source);
                    _source = source ?? _source;
                    break;
                case EventKey.ReturnUrl:
                    ok = ReadString(ref reader, FieldLimits.MaxReturnUrlLength, out var returnUrl);
                    _returnUrl = returnUrl ?? _returnUrl;
                    break;
                case EventKey.Fields:
                    ok = ReadMap(ref reader, ref _fields, FieldLimits.MaxFields, lowerCaseNames: false, headers: false);
                    break;
                default:
                    if (requestRead || _assumeNested)
                    {
                        // The nested shape ignores every other top-level key, and warns about it.
                        (_ignoredKeys ??= []).Add(name!);
                        ok = Skip(ref reader);
                        break;
                    }

                    flatKeyRead = true;
                    ok = key == EventKey.Other
                        ? AddEntry(ref reader, _fields ??= new(StringComparer.Ordinal), name!, FieldLimits.MaxFields, lowerCaseNames: false, headers: false)
                        : ReadRequestProperty(ref reader, key);
                    break;
            }

            if (!ok)
            {
                return Outcome.Declined;
            }
        }

        // One object and nothing after it; a nested read that found no request object is left to the slow path.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (_assumeNested && !requestRead))
        {
            return Outcome.Declined;
        }

        return Outcome.Read;
    }
}
