namespace Esper.Core.Engine;

/// <summary>Facts about the request that the engine cannot see in its fields.</summary>
public sealed class FinishOptions
{
    /// <summary>Default options: no challenge pass.</summary>
    public static FinishOptions None { get; } = new();

    /// <summary>
    /// True when the request carries a valid challenge pass. A challenge it covers becomes allow (block still blocks).
    /// Default false.
    /// </summary>
    public bool ChallengePassed { get; init; }

    /// <summary>
    /// The entity keys the pass was issued for; null (the default) means the pass covers every challenge. With a set,
    /// a challenge from a clause bound to an entity is waived only when that clause's entity key is in it; a
    /// challenge from a clause without an entity is always waived.
    /// </summary>
    public IReadOnlyCollection<string>? ChallengePassEntityKeys { get; init; }
}
