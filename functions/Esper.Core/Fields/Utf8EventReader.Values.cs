using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Esper.Core.Fields;

/// <summary>The value readers of <see cref="Utf8EventReader"/>: each returns false where the slow path would answer an error.</summary>
internal ref partial struct Utf8EventReader
{
    private bool ReadRequest(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!CheckName(ref reader))
            {
                return false;
            }

            var key = Utf8EventKeys.Classify(ref reader);
            var ignored = key < EventKey.Method ? reader.GetString() : null;
            reader.Read();
            if (ignored is not null)
            {
                (_ignoredRequestKeys ??= []).Add(ignored);
                if (!Skip(ref reader))
                {
                    return false;
                }
            }
            else if (!ReadRequestProperty(ref reader, key))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private bool ReadRequestProperty(ref Utf8JsonReader reader, EventKey key)
    {
        switch (key)
        {
            case EventKey.Method:
                var methodRead = ReadString(ref reader, FieldLimits.MaxMethodLength, out var method);
                _method = method?.Trim();
                return methodRead && (_method is null || IsMethodToken(_method));
            case EventKey.Path:
                var pathRead = ReadString(ref reader, FieldLimits.MaxPathLength, out var path);
                _path = path;
                return pathRead;
            case EventKey.ClientIp or EventKey.Ip:
                var ipRead = ReadString(ref reader, FieldLimits.MaxClientIpLength, out var ip);
                _clientIp ??= string.IsNullOrWhiteSpace(ip) ? null : ip;
                return ipRead && (_clientIp is null || ClientIpNormalizer.Normalize(_clientIp) is not null);
            case EventKey.UserAgent:
                if (reader.TokenType == JsonTokenType.String && _headers?.GetValueOrDefault("user-agent") is { Length: <= FieldLimits.MaxUserAgentLength } header
                    && reader.ValueTextEquals(header))
                {
                    // The same text as the header read before it: share the string.
                    _userAgent = header;
                    return true;
                }

                var userAgentRead = ReadString(ref reader, FieldLimits.MaxUserAgentLength, out var userAgent);
                _userAgent = userAgent;
                return userAgentRead;
            case EventKey.Headers:
                return ReadMap(ref reader, ref _headers, FieldLimits.MaxHeaders, lowerCaseNames: true, headers: true);
            case EventKey.QueryParams:
                return ReadMap(ref reader, ref _query, FieldLimits.MaxQueryParams, lowerCaseNames: false, headers: false);
            case EventKey.Cookies:
                return ReadMap(ref reader, ref _cookies, FieldLimits.MaxCookies, lowerCaseNames: true, headers: false);
            case EventKey.RouteParams:
                return ReadMap(ref reader, ref _route, FieldLimits.MaxRouteParams, lowerCaseNames: false, headers: false);
            default:
                return ReadBody(ref reader);
        }
    }

    private bool ReadObservedAt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        // An escaped timestamp is left to the slow path, which reads its raw text.
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !CheckText(ref reader)
            || !ObservedAtParser.TryParse(ref reader, out var at))
        {
            return false;
        }

        _observedAt = at;
        return true;
    }

    private readonly bool ReadString(ref Utf8JsonReader reader, int maxLength, out string? text)
    {
        text = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                text = reader.GetString()!;
                return text.Length <= maxLength && text.Length <= _limits.MaxStringLength;
            default:
                return false;
        }
    }

    private bool ReadMap(ref Utf8JsonReader reader, ref Dictionary<string, string>? into, int maxEntries, bool lowerCaseNames, bool headers)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!CheckName(ref reader))
            {
                return false;
            }

            into ??= new Dictionary<string, string>(headers ? 8 : 2, StringComparer.Ordinal);
            var name = lowerCaseNames ? CommonHeaderNames.NameOf(ref reader) : reader.GetString()!;
            reader.Read();
            if (!AddEntry(ref reader, into, name, maxEntries, lowerCaseNames, headers))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private bool AddEntry(ref Utf8JsonReader reader, Dictionary<string, string> into, string name, int maxEntries, bool lowerCaseNames, bool headers)
    {
        if (name.AsSpan().Trim().Length == 0 || name.Length > FieldLimits.MaxNameLength)
        {
            return false;
        }

        string? text;
        if (reader.TokenType == JsonTokenType.StartArray && headers)
        {
            // A header sent as a list of values folds into one comma-separated value, as HTTP does.
            var parts = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (ScalarText(ref reader) is not { } part)
                {
                    return false;
                }

                parts.Add(part);
            }

            text = string.Join(", ", parts);
        }
        else if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        else if (headers && _userAgent is not null && reader.TokenType == JsonTokenType.String
            && string.Equals(name, "user-agent", StringComparison.OrdinalIgnoreCase) && reader.ValueTextEquals(_userAgent))
        {
            // The user agent usually comes twice (user_agent and its header): one string serves both.
            text = _userAgent;
        }
        else if ((text = ScalarText(ref reader)) is null)
        {
            return false;
        }

        if (text.Length > FieldLimits.MaxValueLength)
        {
            return false;
        }

        var key = lowerCaseNames && !IsLowerCaseAscii(name) ? name.Trim().ToLowerInvariant() : name;
        ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(into, key, out var exists);
        if (exists)
        {
            value = value + ", " + text;
            return true;
        }

        // Over the limit the body is declined, so the entry just added does not matter.
        value = text;
        return into.Count <= maxEntries;
    }

    /// <summary>True when trimming and lower-casing would leave the name as it is (most names: no second string to make).</summary>
    private static bool IsLowerCaseAscii(string name) =>
        Ascii.IsValid(name) && !name.AsSpan().ContainsAnyInRange('A', 'Z') && !char.IsWhiteSpace(name[0]) && !char.IsWhiteSpace(name[^1]);

    /// <summary>The text a scalar value encodes to (as <see cref="BodyFlattener.ScalarText"/>); null for anything else.</summary>
    private readonly string? ScalarText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return text.Length <= _limits.MaxStringLength ? text : null;
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                return null;
        }
    }

    private bool ReadBody(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            if (!SkipBody(ref reader))
            {
                return false;
            }
        }
        else if (reader.TokenType == JsonTokenType.String && !CheckText(ref reader))
        {
            return false;
        }

        var raw = _json[start..(int)reader.BytesConsumed];
        if (raw.Length > FieldLimits.MaxBodyLength && Encoding.UTF8.GetCharCount(raw) > FieldLimits.MaxBodyLength)
        {
            return false;
        }

        _bodyJson = Encoding.UTF8.GetString(raw);
        return true;
    }

    private static bool IsMethodToken(string method)
    {
        foreach (var c in method)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
