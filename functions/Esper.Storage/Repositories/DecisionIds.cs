using System.Globalization;
using System.Security.Cryptography;

namespace Esper.Storage.Repositories;

/// <summary>
/// Decision ids: <c>dec_</c>, the decision's time (Unix milliseconds, 11 lower-case hex digits) and 48 random bits.
/// Ids made later sort later, so the item that finds a decision by its id is written next to the previous
/// decision's (one page appended to, instead of a page at a random place per decision on the embedded store).
/// </summary>
public static class DecisionIds
{
    private const string Prefix = "dec_";
    private const int TimeDigits = 11;
    private const int RandomDigits = 12;

    /// <summary>A new id for a decision made at <paramref name="decidedAt"/>.</summary>
    public static string New(DateTimeOffset decidedAt)
    {
        Span<byte> random = stackalloc byte[RandomDigits / 2];
        RandomNumberGenerator.Fill(random);
        var ms = Math.Max(0, decidedAt.ToUnixTimeMilliseconds());
        return Prefix + ms.ToString("x11", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(random);
    }

    /// <summary>
    /// The time a time-ordered id was made at (whole milliseconds, as its decision's record is keyed); false for any
    /// other id (older random ids, caller text).
    /// </summary>
    public static bool TryGetTime(string id, out DateTimeOffset madeAt)
    {
        madeAt = default;
        // Eleven hex digits stay below DateTimeOffset's last millisecond.
        if (!IsTimeOrdered(id) || !long.TryParse(id.AsSpan(Prefix.Length, TimeDigits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        madeAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    /// <summary>True when <paramref name="id"/> has the shape <see cref="New"/> gives (older ids are 20 random hex digits).</summary>
    public static bool IsTimeOrdered(string id)
    {
        if (id.Length != Prefix.Length + TimeDigits + RandomDigits || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
