using System.Globalization;

namespace Esper.Core.Fields;

/// <summary>Strict RFC 3339 date-time: full date, 'T', full time, optional fraction, and 'Z' or a numeric offset.</summary>
internal static class ObservedAtParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40 || text.EndsWith(".Z", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // RFC 3339 allows lower-case 't' and 'z'.
        return DateTimeOffset.TryParseExact(
            text.ToUpperInvariant(),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }
}
