using Esper.Core.Engine;

namespace Esper.Api.Replay;

/// <summary>The API's words for engine values, as decision records hold them.</summary>
internal static class ReplayText
{
    public static string Of(DecisionAction action) => action switch
    {
        DecisionAction.Challenge => "challenge",
        DecisionAction.Block => "block",
        _ => "allow",
    };

    public static string Of(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Observe => "observe",
        DecisionOutcome.Challenge => "challenge",
        DecisionOutcome.Block => "block",
        _ => "allow",
    };
}
