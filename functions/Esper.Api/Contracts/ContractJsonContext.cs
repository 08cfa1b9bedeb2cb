using System.Text.Json.Serialization;

namespace Esper.Api.Contracts;

/// <summary>Source-generated contracts of the request bodies the handlers parse by hand, and of problems.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RuntimeBody))]
[JsonSerializable(typeof(RuntimeBody[]))]
[JsonSerializable(typeof(ApiKeyCreateBody))]
[JsonSerializable(typeof(TenantCreateBody))]
[JsonSerializable(typeof(TenantPatchBody))]
[JsonSerializable(typeof(MembershipBody))]
[JsonSerializable(typeof(ProofVerifyBody))]
[JsonSerializable(typeof(ReplayJobCreateBody))]
[JsonSerializable(typeof(ExpressionCheckBody))]
[JsonSerializable(typeof(ChallengeSolveForm))]
[JsonSerializable(typeof(HybridConfigView))]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;
