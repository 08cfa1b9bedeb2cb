namespace Esper.Client;

/// <summary>A verified challenge proof: the pass and how to set its cookie.</summary>
public sealed record ProofVerification
{
    /// <summary>True for a verified proof.</summary>
    public bool Valid { get; init; }

    /// <summary>The pass token.</summary>
    public string Pass { get; init; } = "";

    /// <summary>When the pass expires.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The pass lifetime in seconds.</summary>
    public long MaxAge { get; init; }

    /// <summary>The cookie to set.</summary>
    public PassCookie? Cookie { get; init; }

    /// <summary>The cookie as a <c>Set-Cookie</c> value.</summary>
    public string? SetCookie { get; init; }

    /// <summary>The header clients without cookies may carry the pass in.</summary>
    public string? Header { get; init; }
}
