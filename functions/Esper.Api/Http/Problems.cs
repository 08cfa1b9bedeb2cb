using System.Buffers;
using System.Text.Json;

namespace Esper.Api.Http;

/// <summary>RFC 9457 problem details responses; every error the API returns is one of these.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    // Problem texts quote field names; keep them readable (the body is JSON, never embedded in HTML).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ApiResponse Create(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "urn:esper:problem:" + code);
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            if (errors is { Count: > 0 })
            {
                // The first error is also promoted to the top level so a client can read one field name.
                writer.WriteString("field", errors[0].Field);
                if (errors[0].Position is { } position)
                {
                    writer.WriteNumber("position", position);
                }

                writer.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", error.Field);
                    writer.WriteString("message", error.Message);
                    if (error.Position is { } p)
                    {
                        writer.WriteNumber("position", p);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return new ApiResponse
        {
            StatusCode = status,
            ContentType = ContentType,
            Body = buffer.WrittenMemory,
            Headers = headers ?? EmptyHeaders.Instance,
        };
    }

    public static ApiResponse Validation(IReadOnlyList<FieldError> errors) =>
        Create(400, "validation", "The request is not valid.", errors[0].Position is { } p ? $"{errors[0].Field}: {errors[0].Message} (at position {p})" : $"{errors[0].Field}: {errors[0].Message}", errors);

    public static ApiResponse Validation(string field, string message, int? position = null) => Validation([new FieldError(field, message, position)]);

    public static ApiResponse NotFound(string what) => Create(404, "not-found", "Not found.", what);

    public static ApiResponse Unauthorized(string detail) =>
        Create(401, "unauthorized", "Authentication is required.", detail, headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["WWW-Authenticate"] = "Bearer" });

    public static ApiResponse Forbidden(string detail) => Create(403, "forbidden", "This key may not do that.", detail);

    public static ApiResponse Conflict(string detail) => Create(409, "conflict", "Conflict.", detail);

    /// <summary>503 for a store outage, naming the store, with the seconds to wait before retrying.</summary>
    public static ApiResponse StoreUnavailable(string storeName, TimeSpan retryAfter, string detail) =>
        Create(503, "store-unavailable", $"The {storeName} store is unavailable.", detail, headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static ApiResponse PreconditionFailed(string detail) => Create(412, "precondition-failed", "The resource has changed.", detail);
}
