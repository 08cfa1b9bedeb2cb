using System.Text.Json.Serialization;

namespace Esper.Functions.Aws.Runtime;

/// <summary>
/// Source-generated serializer for the Runtime API's own documents. The Runtime API speaks camelCase, so this
/// context does not use the product's snake_case convention.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
