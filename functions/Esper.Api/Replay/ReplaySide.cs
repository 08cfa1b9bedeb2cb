namespace Esper.Api.Replay;

/// <summary>One side of a changed decision: the action and the policy that decided it.</summary>
internal sealed record ReplaySide(string Action, string? PolicyId, string? Reason);
