using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>The one place that maps a <see cref="MitigationMode"/> to its wire name and to what it makes of a request.</summary>
public static class MitigationModeFacts
{
    /// <summary>The mode as resources and answers spell it (<see cref="MitigationModes"/>).</summary>
    public static string WireName(this MitigationMode mode) => mode switch
    {
        MitigationMode.Monitor => MitigationModes.Monitor,
        MitigationMode.Challenge => MitigationModes.Challenge,
        MitigationMode.Block => MitigationModes.Block,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The mode a resource names, or null when the name is not a mode.</summary>
    public static MitigationMode? Parse(string? wireName) => wireName switch
    {
        MitigationModes.Monitor => MitigationMode.Monitor,
        MitigationModes.Challenge => MitigationMode.Challenge,
        MitigationModes.Block => MitigationMode.Block,
        _ => null,
    };

    /// <summary>What a fired clause with this mode produces; its precedence is the outcome's (<see cref="DecisionOutcomeFacts.Strength"/>).</summary>
    public static DecisionOutcome Outcome(this MitigationMode mode) => mode switch
    {
        MitigationMode.Monitor => DecisionOutcome.Observe,
        MitigationMode.Challenge => DecisionOutcome.Challenge,
        MitigationMode.Block => DecisionOutcome.Block,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
