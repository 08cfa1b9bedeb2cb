using System.Buffers.Text;

namespace Esper.Api.Challenge;

/// <summary>Small text helpers shared by the challenge parts.</summary>
internal static class ChallengeText
{
    /// <summary>True when <paramref name="value"/> is 1..maxLength characters of [A-Za-z0-9_-].</summary>
    public static bool IsToken(ReadOnlySpan<char> value, int maxLength)
    {
        if (value.IsEmpty || value.Length > maxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes standard or URL-safe base64, with or without padding; null when invalid.</summary>
    public static byte[]? DecodeBase64Any(string text)
    {
        var urlSafe = text.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (urlSafe.Length == 0 || !Base64Url.IsValid(urlSafe))
        {
            return null;
        }

        return Base64Url.DecodeFromChars(urlSafe);
    }

    /// <summary>A random URL-safe identifier of <paramref name="bytes"/> random bytes.</summary>
    public static string RandomId(int bytes = 16) =>
        Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes));
}
