namespace Esper.Client.Guard;

/// <summary>The outcome for one request: what to do, why, and what Esper said (or why it said nothing).</summary>
public sealed record EsperVerdict
{
    /// <summary>Continue, redirect or deny.</summary>
    public EsperVerdictKind Kind { get; init; }

    /// <summary>The action applied or, in monitor mode, the one Esper would have applied: <c>allow</c>, <c>challenge</c> or <c>block</c>.</summary>
    public string Action { get; init; } = EsperActions.Allow;

    /// <summary>Esper's decision; null when Esper did not answer.</summary>
    public EsperDecision? Decision { get; init; }

    /// <summary>False in monitor mode and when a failure let the request through.</summary>
    public bool Enforced { get; init; }

    /// <summary>Why Esper did not answer, when it did not.</summary>
    public EsperUnavailableReason? Failure { get; init; }

    /// <summary>A sentence about the failure, when there was one.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>True when a remembered penalty was applied because Esper was unreachable.</summary>
    public bool Remembered { get; init; }

    /// <summary>For <see cref="EsperVerdictKind.Deny"/>: the status to answer.</summary>
    public int StatusCode { get; init; }

    /// <summary>For <see cref="EsperVerdictKind.Redirect"/>: where to; for a challenge denied to an API client: the challenge page.</summary>
    public string? Location { get; init; }

    /// <summary>For <see cref="EsperVerdictKind.Deny"/>: the problem+json body.</summary>
    public string? Body { get; init; }

    /// <summary>For a spent proof: the <c>Set-Cookie</c> value carrying the pass.</summary>
    public string? SetCookie { get; init; }
}
