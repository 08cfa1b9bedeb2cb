namespace Esper.Api.Hybrid;

/// <summary>One penalty in force for an entity key, as the active-mitigations feed lists it.</summary>
/// <param name="Cursor">Where this item sits in the feed; pass the last one seen as <c>since</c> to read what came after.</param>
/// <param name="EntityKey">The entity key the penalty applies to (a hybrid daemon computes the same keys from the same config).</param>
/// <param name="HybridKey">The opaque hybrid key of that entity key.</param>
/// <param name="PolicyId">The policy that set it, when known.</param>
/// <param name="MitigationId">The mitigation that set it, when known.</param>
/// <param name="Mode">The mitigation's mode (<c>block</c>, <c>challenge</c>, <c>monitor</c>), when known.</param>
/// <param name="ExpiresAt">When the penalty ends.</param>
/// <param name="Counters">The penalty counters (name → expiry in unix seconds) to set on the entity key's state to apply it.</param>
internal sealed record ActiveMitigation(
    string Cursor,
    string EntityKey,
    string HybridKey,
    string? PolicyId,
    string? MitigationId,
    string? Mode,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, long> Counters);
