namespace Esper.Core.Engine;

/// <summary>A clause of an in-scope policy that matched this request or may carry an active penalty for its entity key.</summary>
internal readonly record struct ClauseCandidate(CompiledClause Clause, string? EntityKey, bool Matched);
