namespace Esper.Api.Challenge;

/// <summary>One HMAC-SHA256 key of the challenge key ring, named by a short id carried in every token.</summary>
/// <param name="Id">The key id, <c>[A-Za-z0-9_-]{1,32}</c>.</param>
/// <param name="Secret">At least 32 bytes of secret material.</param>
internal sealed record ChallengeSigningKey(string Id, byte[] Secret);
