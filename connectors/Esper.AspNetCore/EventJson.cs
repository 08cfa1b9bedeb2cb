using System.Text.Json;

namespace Esper.AspNetCore;

/// <summary>The runtime event's property names, encoded once (the same snake_case names the client's models serialize to).</summary>
internal static class EventJson
{
    public const int MaxEntries = 100;
    public const int MaxValueLength = 8192;

    public static readonly JsonEncodedText ObservedAt = JsonEncodedText.Encode("observed_at");
    public static readonly JsonEncodedText IdempotencyKey = JsonEncodedText.Encode("idempotency_key");
    public static readonly JsonEncodedText ReturnUrl = JsonEncodedText.Encode("return_url");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Request = JsonEncodedText.Encode("request");
    public static readonly JsonEncodedText Method = JsonEncodedText.Encode("method");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText ClientIp = JsonEncodedText.Encode("client_ip");
    public static readonly JsonEncodedText UserAgent = JsonEncodedText.Encode("user_agent");
    public static readonly JsonEncodedText Headers = JsonEncodedText.Encode("headers");
    public static readonly JsonEncodedText QueryParams = JsonEncodedText.Encode("query_params");
    public static readonly JsonEncodedText Cookies = JsonEncodedText.Encode("cookies");
    public static readonly JsonEncodedText RouteParams = JsonEncodedText.Encode("route_params");
    public static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields");

    /// <summary>At most <see cref="MaxValueLength"/> characters, never ending inside a surrogate pair.</summary>
    public static ReadOnlySpan<char> Clip(ReadOnlySpan<char> value)
    {
        if (value.Length <= MaxValueLength)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return value[..length];
    }
}
