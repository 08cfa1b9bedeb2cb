namespace Esper.Api.Challenge;

/// <summary>Why a token was rejected.</summary>
internal enum ChallengeTokenFailure
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Not a token of this format (wrong shape, bad base64, bad JSON, too long).</summary>
    Malformed,

    /// <summary>Signed with a key id this runtime does not hold (rotated out, or forged).</summary>
    UnknownKey,

    /// <summary>The signature does not match: the token was altered.</summary>
    BadSignature,

    /// <summary>A pass where a proof was expected, or the reverse.</summary>
    WrongKind,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Issued for another tenant.</summary>
    WrongTenant,

    /// <summary>Issued for another return origin.</summary>
    WrongOrigin,

    /// <summary>Issued for another entity key.</summary>
    WrongEntity,

    /// <summary>A proof that was already exchanged for a pass.</summary>
    Replayed,
}
