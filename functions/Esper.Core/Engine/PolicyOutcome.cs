namespace Esper.Core.Engine;

/// <summary>What one policy whose scope held produced for this request (results count these, dry runs too).</summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="Outcome">Its strongest outcome: allow when no clause fired.</param>
/// <param name="DryRun">True when the policy is in dry run (its outcome was not enforced).</param>
public readonly record struct PolicyOutcome(string PolicyId, DecisionOutcome Outcome, bool DryRun);
