using System.Text.Json.Serialization;
using Esper.Storage.Repositories;

namespace Esper.Api.Json;

/// <summary>Source-generated serialization of every response body (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(ApiKeyView))]
[JsonSerializable(typeof(ItemList<ApiKeyView>))]
[JsonSerializable(typeof(TenantCreatedView))]
[JsonSerializable(typeof(TenantView))]
[JsonSerializable(typeof(MembershipRecord))]
[JsonSerializable(typeof(ItemList<MembershipRecord>))]
[JsonSerializable(typeof(ItemList<AuditEntry>))]
[JsonSerializable(typeof(ItemList<PolicyResultsView>))]
[JsonSerializable(typeof(PolicyResultsView))]
[JsonSerializable(typeof(BeaconAcceptedView))]
[JsonSerializable(typeof(DecisionView))]
[JsonSerializable(typeof(RecordedDecisionView))]
[JsonSerializable(typeof(TimelineView))]
[JsonSerializable(typeof(ExpressionCheckView))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
