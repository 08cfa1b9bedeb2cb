using System.Security.Cryptography;
using System.Text;

namespace Esper.Core.Engine;

/// <summary>
/// Stable, compact counter names (<c>[A-Za-z0-9_]</c>) derived from the policy id and clause position, so every
/// host and every compilation of the same configuration agrees on them.
/// </summary>
internal static class CounterNames
{
    /// <summary>Window buckets: <c>w</c> + 12 hex digits + <c>_</c>; the bucket number follows. The window length is hashed in, so changing it starts afresh.</summary>
    public static string WindowPrefix(string policyId, int clauseIndex, int seconds) =>
        "w" + Hash12($"w\n{policyId}\n{clauseIndex}\n{seconds}") + "_";

    /// <summary>Penalty expiry: <c>p</c> + 12 hex digits; the value is the expiry in unix seconds.</summary>
    public static string Penalty(string policyId, int clauseIndex) => "p" + Hash12($"p\n{policyId}\n{clauseIndex}");

    private static string Hash12(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }
}
