using System.Security.Cryptography;

namespace Esper.Api.Challenge;

/// <summary>
/// The keys that sign and verify challenge tokens. The first key signs; every key verifies, so a new key can be
/// rolled out verify-only (appended), then promoted (moved first), then the old one dropped once its tokens expired.
/// </summary>
internal sealed class ChallengeKeyRing
{
    /// <summary>Smallest accepted secret, in bytes (the HMAC-SHA256 block strength).</summary>
    public const int MinimumSecretBytes = 32;

    private readonly Dictionary<string, ChallengeSigningKey> _byId;

    private ChallengeKeyRing(IReadOnlyList<ChallengeSigningKey> keys, bool isEphemeral)
    {
        Keys = keys;
        IsEphemeral = isEphemeral;
        _byId = keys.ToDictionary(static k => k.Id, StringComparer.Ordinal);
    }

    /// <summary>All keys, signing key first.</summary>
    public IReadOnlyList<ChallengeSigningKey> Keys { get; }

    /// <summary>The key new tokens are signed with.</summary>
    public ChallengeSigningKey Current => Keys[0];

    /// <summary>True when no key was configured and a random per-process key is in use.</summary>
    public bool IsEphemeral { get; }

    /// <summary>Finds a verification key by id.</summary>
    public bool TryGet(string id, out ChallengeSigningKey key) => _byId.TryGetValue(id, out key!);

    /// <summary>A ring holding one random key that lives as long as the process (local runs only).</summary>
    public static ChallengeKeyRing CreateEphemeral() =>
        new([new ChallengeSigningKey("local", RandomNumberGenerator.GetBytes(MinimumSecretBytes))], isEphemeral: true);

    /// <summary>A ring over explicit keys (signing key first).</summary>
    public static ChallengeKeyRing FromKeys(IReadOnlyList<ChallengeSigningKey> keys)
    {
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        return new ChallengeKeyRing(keys, isEphemeral: false);
    }

    /// <summary>
    /// Parses <c>id:base64secret[,id:base64secret…]</c> (standard or URL-safe base64). Returns null and an error
    /// naming the problem when the text is malformed, a secret is short, or an id repeats.
    /// </summary>
    public static ChallengeKeyRing? Parse(string text, out string? error)
    {
        var keys = new List<ChallengeSigningKey>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                error = "each key must be written as id:base64secret";
                return null;
            }

            var id = part[..colon];
            if (!ChallengeText.IsToken(id, 32))
            {
                error = $"key id '{id}' must be 1-32 characters of A-Z, a-z, 0-9, '_' or '-'";
                return null;
            }

            var secret = ChallengeText.DecodeBase64Any(part[(colon + 1)..]);
            if (secret is null || secret.Length < MinimumSecretBytes)
            {
                error = $"key '{id}' must be base64 of at least {MinimumSecretBytes} bytes";
                return null;
            }

            if (keys.Exists(k => k.Id == id))
            {
                error = $"key id '{id}' appears twice";
                return null;
            }

            keys.Add(new ChallengeSigningKey(id, secret));
        }

        if (keys.Count == 0)
        {
            error = "no key given";
            return null;
        }

        error = null;
        return new ChallengeKeyRing(keys, isEphemeral: false);
    }
}
