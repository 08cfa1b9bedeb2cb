using System.Text.Json.Serialization;

namespace Esper.Api.Hybrid;

/// <summary>Source-generated serialization of the hybrid feed (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActiveMitigation))]
[JsonSerializable(typeof(ActiveMitigationPage))]
internal sealed partial class HybridJsonContext : JsonSerializerContext;
