namespace Esper.Core.Engine;

/// <summary>JSON for <see cref="DecisionOutcome"/> through <see cref="DecisionOutcomeFacts"/>.</summary>
public sealed class DecisionOutcomeJsonConverter : WireNameJsonConverter<DecisionOutcome>
{
    /// <inheritdoc />
    protected override string Name(DecisionOutcome value) => value.WireName();

    /// <inheritdoc />
    protected override DecisionOutcome? Parse(string? name) => DecisionOutcomeFacts.Parse(name);
}
