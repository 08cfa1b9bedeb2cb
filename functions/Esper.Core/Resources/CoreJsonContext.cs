using System.Text.Json;
using System.Text.Json.Serialization;
using Esper.Core.Engine;

namespace Esper.Core.Resources;

/// <summary>
/// Source-generated JSON metadata for the resources (snake_case, nulls omitted). Use it for every
/// (de)serialisation of these types: it needs no reflection, so it works trimmed and ahead-of-time compiled.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ActionDefinition))]
[JsonSerializable(typeof(EntityDefinition))]
[JsonSerializable(typeof(MitigationDefinition))]
[JsonSerializable(typeof(PolicyDefinition))]
[JsonSerializable(typeof(List<ActionDefinition>))]
[JsonSerializable(typeof(List<EntityDefinition>))]
[JsonSerializable(typeof(List<MitigationDefinition>))]
[JsonSerializable(typeof(List<PolicyDefinition>))]
[JsonSerializable(typeof(ValidationError))]
[JsonSerializable(typeof(List<ValidationError>))]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(TenantConfig))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
