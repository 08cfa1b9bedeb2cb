using System.Text.Json.Serialization;

namespace Esper.Api.Replay;

/// <summary>Source-generated serialization of replay job documents and views (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReplayJob))]
[JsonSerializable(typeof(Esper.Core.Fields.RuntimeEvent))]
[JsonSerializable(typeof(ReplayJobView))]
[JsonSerializable(typeof(Esper.Api.Json.ItemList<ReplayJobView>))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext;
