namespace Esper.Storage.Repositories;

/// <summary>The clauses that fired, as the tenant's copy of a decision record keeps them beside the record's own fields.</summary>
internal sealed record StoredMatches(IReadOnlyList<DecisionMatchRecord>? Matches);
