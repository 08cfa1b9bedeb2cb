using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Esper.Connectors.Testing;

/// <summary>Solves Esper's proof-of-work page as its script does: SHA-256(challenge + nonce) with enough leading zero bits.</summary>
internal static partial class ProofOfWorkSolver
{
    public static string SolvePage(string html)
    {
        var puzzle = Puzzle().Match(html);
        if (!puzzle.Success)
        {
            throw new InvalidOperationException("No proof-of-work puzzle in the page: " + html[..Math.Min(html.Length, 500)]);
        }

        var challenge = puzzle.Groups["challenge"].Value;
        var difficulty = int.Parse(puzzle.Groups["difficulty"].Value, CultureInfo.InvariantCulture);
        for (long nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(CultureInfo.InvariantCulture);
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(challenge + text));
            if (LeadingZeroBits(hash) >= difficulty)
            {
                return text;
            }
        }
    }

    private static int LeadingZeroBits(byte[] hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                bits += 8;
                continue;
            }

            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }

        return bits;
    }

    [GeneratedRegex("data-challenge=\"(?<challenge>[0-9a-f]{64})\"[^>]*data-difficulty=\"(?<difficulty>[0-9]+)\"")]
    private static partial Regex Puzzle();
}
