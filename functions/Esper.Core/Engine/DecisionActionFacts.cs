namespace Esper.Core.Engine;

/// <summary>The one place that names a <see cref="DecisionAction"/> on the wire.</summary>
public static class DecisionActionFacts
{
    /// <summary>The action as answers and records spell it.</summary>
    public static string WireName(this DecisionAction action) => action switch
    {
        DecisionAction.Allow => "allow",
        DecisionAction.Challenge => "challenge",
        DecisionAction.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The action a wire name spells, or null.</summary>
    public static DecisionAction? Parse(string? wireName) => wireName switch
    {
        "allow" => DecisionAction.Allow,
        "challenge" => DecisionAction.Challenge,
        "block" => DecisionAction.Block,
        _ => null,
    };
}
