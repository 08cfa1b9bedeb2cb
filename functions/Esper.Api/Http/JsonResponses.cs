using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Esper.Api.Http;

/// <summary>Builds JSON responses from source-generated type info (no reflection).</summary>
internal static class JsonResponses
{
    public const string ContentType = "application/json; charset=utf-8";

    public static ApiResponse Create<T>(int status, T value, JsonTypeInfo<T> typeInfo, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        StatusCode = status,
        ContentType = ContentType,
        Body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo),
        Headers = headers ?? EmptyHeaders.Instance,
    };

    public static ApiResponse Raw(int status, ReadOnlyMemory<byte> utf8Json, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        StatusCode = status,
        ContentType = ContentType,
        Body = utf8Json,
        Headers = headers ?? EmptyHeaders.Instance,
    };

    public static ApiResponse NoContent(IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        StatusCode = 204,
        Headers = headers ?? EmptyHeaders.Instance,
    };
}
