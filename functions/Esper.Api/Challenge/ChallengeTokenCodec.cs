using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Esper.Api.Challenge;

/// <summary>
/// Signs and reads challenge tokens: <c>v1.{key id}.{base64url claims JSON}.{base64url HMAC-SHA256}</c>, the MAC
/// taken over everything before the last dot. Verification takes microseconds and needs no store round trip.
/// </summary>
internal sealed class ChallengeTokenCodec(ChallengeKeyRing keys)
{
    /// <summary>Longest token accepted; real tokens are around 300 characters.</summary>
    public const int MaxTokenLength = 1024;

    private const string Version = "v1";

    /// <summary>Signs <paramref name="claims"/> with the ring's current key.</summary>
    public string Sign(ChallengeTokenClaims claims)
    {
        var key = keys.Current;
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, ChallengeJsonContext.Default.ChallengeTokenClaims));
        var signed = $"{Version}.{key.Id}.{payload}";
        var mac = HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64Url.EncodeToString(mac)}";
    }

    /// <summary>Checks format, signature, kind and expiry (tenant, origin, entity and replay are the caller's checks).</summary>
    public ChallengeTokenReadResult Read(string? token, string expectedKind, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.Malformed);
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Version || !ChallengeText.IsToken(parts[1], 32)
            || !Base64Url.IsValid(parts[2]) || !Base64Url.IsValid(parts[3]))
        {
            return ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.Malformed);
        }

        if (!keys.TryGet(parts[1], out var key))
        {
            return ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.UnknownKey);
        }

        var expected = HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(token.AsSpan(0, token.LastIndexOf('.')).ToString()));
        var actual = Base64Url.DecodeFromChars(parts[3]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.BadSignature);
        }

        ChallengeTokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[2]), ChallengeJsonContext.Default.ChallengeTokenClaims);
        }
        catch (JsonException)
        {
            claims = null;
        }

        if (claims is null)
        {
            return ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.Malformed);
        }

        if (claims.Kind != expectedKind)
        {
            return ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.WrongKind);
        }

        return now.ToUnixTimeSeconds() >= claims.ExpiresAt
            ? ChallengeTokenReadResult.Rejected(ChallengeTokenFailure.Expired)
            : ChallengeTokenReadResult.Valid(claims);
    }

    /// <summary>The entity-key binding carried in tokens: SHA-256 of the key, base64url.</summary>
    public static string HashEntityKey(string entityKey) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(entityKey)));
}
