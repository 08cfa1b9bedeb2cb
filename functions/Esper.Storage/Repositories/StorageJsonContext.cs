using System.Text.Json.Serialization;

namespace Esper.Storage.Repositories;

/// <summary>Source-generated serialization of the repository documents (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TenantRecord))]
[JsonSerializable(typeof(ApiKeyRecord))]
[JsonSerializable(typeof(ApiKeyLookup))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(IdempotencyRecord))]
[JsonSerializable(typeof(DecisionRecord))]
[JsonSerializable(typeof(DecisionDetail))]
[JsonSerializable(typeof(StoredMatches))]
[JsonSerializable(typeof(IReadOnlyList<DecisionMatchRecord>))]
[JsonSerializable(typeof(Esper.Core.Fields.RuntimeEvent))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(StoredApiKey))]
[JsonSerializable(typeof(ReplayStateItem))]
[JsonSerializable(typeof(MembershipRecord))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
