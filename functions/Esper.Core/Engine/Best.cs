namespace Esper.Core.Engine;

/// <summary>The strongest fired clause seen so far; the first one wins a tie, so evaluation order decides ties.</summary>
internal struct Best
{
    /// <summary>0 allow (or waived), 1 monitor, 2 challenge, 3 block.</summary>
    public int Strength;
    public DecisionMatch? Match;
    public CompiledClause? Clause;
    public CompiledPolicy? Policy;

    public void Offer(int strength, DecisionMatch match, CompiledClause clause, CompiledPolicy policy)
    {
        if (strength > Strength)
        {
            Strength = strength;
            Match = match;
            Clause = clause;
            Policy = policy;
        }
    }

    public void Offer(Best other)
    {
        if (other.Strength > Strength)
        {
            this = other;
        }
    }
}
