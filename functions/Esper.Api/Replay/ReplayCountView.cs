namespace Esper.Api.Replay;

/// <summary>One line of a diff: a final action, or a policy's outcome, before and after; <c>change</c> is after − before.</summary>
internal sealed record ReplayCountView(string? PolicyId, string? Action, string? Outcome, long Before, long After, long Change);
