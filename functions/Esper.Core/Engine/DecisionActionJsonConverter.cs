namespace Esper.Core.Engine;

/// <summary>JSON for <see cref="DecisionAction"/> through <see cref="DecisionActionFacts"/>.</summary>
public sealed class DecisionActionJsonConverter : WireNameJsonConverter<DecisionAction>
{
    /// <inheritdoc />
    protected override string Name(DecisionAction value) => value.WireName();

    /// <inheritdoc />
    protected override DecisionAction? Parse(string? name) => DecisionActionFacts.Parse(name);
}
