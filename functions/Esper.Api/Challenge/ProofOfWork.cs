using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Esper.Api.Challenge;

/// <summary>
/// The proof-of-work puzzle: find a decimal <c>nonce</c> such that SHA-256 over the ASCII text
/// <c>{challenge}{nonce}</c> starts with at least <c>difficulty</c> zero bits. Solving takes about 2^difficulty
/// hashes; checking takes one.
/// </summary>
internal static class ProofOfWork
{
    /// <summary>Highest difficulty accepted in configuration (2^32 hashes is far beyond any visitor's patience).</summary>
    public const int MaxDifficulty = 32;

    /// <summary>Longest nonce accepted: 2^53 fits in 16 digits, the largest integer a browser counts exactly.</summary>
    public const int MaxNonceLength = 16;

    /// <summary>A fresh random challenge: 32 random bytes as 64 lowercase hex characters.</summary>
    public static string CreateChallenge() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when <paramref name="nonce"/> is a decimal integer whose hash has enough leading zero bits.</summary>
    public static bool Verify(string challenge, string? nonce, int difficulty)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > MaxNonceLength || !IsDigits(nonce)
            || (nonce.Length > 1 && nonce[0] == '0'))
        {
            return false;
        }

        Span<byte> input = stackalloc byte[challenge.Length + nonce.Length];
        Encoding.ASCII.GetBytes(challenge, input);
        Encoding.ASCII.GetBytes(nonce, input[challenge.Length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return LeadingZeroBits(hash) >= difficulty;
    }

    /// <summary>Counts the zero bits before the first one bit.</summary>
    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
