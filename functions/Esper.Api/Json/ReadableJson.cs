using System.Text.Encodings.Web;
using System.Text.Json;
using Esper.Core.Resources;

namespace Esper.Api.Json;

/// <summary>
/// The serialisation contexts with readable escaping: an expression such as <c>request.path == "/a&amp;b"</c> comes
/// back as written, not as <c>\u0022</c> and <c>\u0026</c>. Safe because API bodies are JSON documents, never
/// embedded in HTML; control characters are still escaped.
/// </summary>
internal static class ReadableJson
{
    public static CoreJsonContext Core { get; } = new(Relaxed(CoreJsonContext.Default.Options));

    public static ApiJsonContext Api { get; } = new(Relaxed(ApiJsonContext.Default.Options));

    /// <summary>Options for writing a JSON node readably (no context: nodes need no contract).</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonSerializerOptions Relaxed(JsonSerializerOptions source) =>
        new(source) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = null };
}
