namespace Esper.Core.Engine;

/// <summary>The one place that ranks a <see cref="DecisionOutcome"/>, names it on the wire and maps it to an action.</summary>
public static class DecisionOutcomeFacts
{
    /// <summary>The outcome as answers, records and results spell it.</summary>
    public static string WireName(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Allow => "allow",
        DecisionOutcome.Observe => "observe",
        DecisionOutcome.Challenge => "challenge",
        DecisionOutcome.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The outcome a wire name spells, or null.</summary>
    public static DecisionOutcome? Parse(string? wireName) => wireName switch
    {
        "allow" => DecisionOutcome.Allow,
        "observe" => DecisionOutcome.Observe,
        "challenge" => DecisionOutcome.Challenge,
        "block" => DecisionOutcome.Block,
        _ => null,
    };

    /// <summary>Precedence between fired clauses and policies: block over challenge over observe over allow.</summary>
    public static int Strength(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Allow => 0,
        DecisionOutcome.Observe => 1,
        DecisionOutcome.Challenge => 2,
        DecisionOutcome.Block => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>What the integration does: an observed request is allowed.</summary>
    public static DecisionAction Action(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Challenge => DecisionAction.Challenge,
        DecisionOutcome.Block => DecisionAction.Block,
        _ => DecisionAction.Allow,
    };
}
