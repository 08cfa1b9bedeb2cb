using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Esper.Client.Http;

/// <summary>Source-generated (trimming- and AOT-safe) snake_case serialization of every body the client sends or reads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EsperEvent))]
[JsonSerializable(typeof(EsperEvent[]))]
[JsonSerializable(typeof(EsperDecision))]
[JsonSerializable(typeof(IReadOnlyList<EsperMatch>))]
[JsonSerializable(typeof(EsperMitigationRef))]
[JsonSerializable(typeof(EsperBlock))]
[JsonSerializable(typeof(BeaconAccepted))]
[JsonSerializable(typeof(ProofVerifyRequest))]
[JsonSerializable(typeof(ProofVerification))]
[JsonSerializable(typeof(EsperProblem))]
[JsonSerializable(typeof(EsperAction))]
[JsonSerializable(typeof(EsperEntity))]
[JsonSerializable(typeof(EsperMitigation))]
[JsonSerializable(typeof(EsperPolicy))]
[JsonSerializable(typeof(ItemList<EsperAction>))]
[JsonSerializable(typeof(ItemList<EsperEntity>))]
[JsonSerializable(typeof(ItemList<EsperMitigation>))]
[JsonSerializable(typeof(ItemList<EsperPolicy>))]
[JsonSerializable(typeof(ItemList<EsperApiKey>))]
[JsonSerializable(typeof(ItemList<PolicyResults>))]
[JsonSerializable(typeof(ItemList<AuditEntry>))]
[JsonSerializable(typeof(EsperApiKey))]
[JsonSerializable(typeof(ApiKeyCreate))]
[JsonSerializable(typeof(PolicyResults))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class EsperJsonContext : JsonSerializerContext;
