namespace Esper.Core.Engine;

/// <summary>The strongest fired clause seen so far; the first one wins a tie, so evaluation order decides ties.</summary>
internal struct Best
{
    /// <summary>What the strongest clause produced; allow (nothing, or a waived challenge) until one fires.</summary>
    public DecisionOutcome Outcome;
    public DecisionMatch? Match;
    public CompiledClause? Clause;
    public CompiledPolicy? Policy;

    public void Offer(DecisionOutcome outcome, DecisionMatch match, CompiledClause clause, CompiledPolicy policy)
    {
        if (outcome.Strength() > Outcome.Strength())
        {
            Outcome = outcome;
            Match = match;
            Clause = clause;
            Policy = policy;
        }
    }

    public void Offer(Best other)
    {
        if (other.Outcome.Strength() > Outcome.Strength())
        {
            this = other;
        }
    }
}
