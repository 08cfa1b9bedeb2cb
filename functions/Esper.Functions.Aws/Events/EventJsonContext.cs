using System.Text.Json.Serialization;

namespace Esper.Functions.Aws.Events;

/// <summary>
/// Source-generated serializer for API Gateway and function URL documents. Their shapes are AWS's and camelCase,
/// so this context does not use the product's snake_case convention.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HttpEvent))]
[JsonSerializable(typeof(HttpResultV1))]
[JsonSerializable(typeof(HttpResultV2))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
