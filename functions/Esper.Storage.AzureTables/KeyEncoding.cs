using System.Globalization;
using System.Text;

namespace Esper.Storage.AzureTables;

/// <summary>
/// Reversible encoding of store keys into PartitionKey / RowKey values. Azure forbids '/', '\', '#', '?' and the
/// control characters U+0000-U+001F and U+007F-U+009F in keys. Each of those, and '~' (the escape character), '%'
/// (which some tools decode twice in URLs) and every other non-ASCII character, is written as '~' followed by the
/// four hex digits of its UTF-16 code unit: "tenant#a/b" becomes "tenant~0023a~002Fb".
/// </summary>
/// <remarks>
/// The encoding maps each character on its own, so a prefix of a key encodes to a prefix of the encoded key and
/// prefix queries stay range queries. It does not keep the order between an escaped and an unescaped character,
/// so queries sort by the decoded key. Encoded keys hold only printable ASCII without '~' as their last character,
/// which gives every prefix a simple exclusive upper bound (<see cref="UpperBound"/>).
/// </remarks>
internal static class KeyEncoding
{
    private const char Escape = '~';

    public static string Encode(string key)
    {
        int firstUnsafe = key.AsSpan().IndexOfAnyExcept(SafeCharacters);
        if (firstUnsafe < 0)
        {
            return key;
        }

        var builder = new StringBuilder(key.Length + 16);
        builder.Append(key, 0, firstUnsafe);
        for (int i = firstUnsafe; i < key.Length; i++)
        {
            char c = key[i];
            if (IsSafe(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(Escape).Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        int firstEscape = encoded.IndexOf(Escape, StringComparison.Ordinal);
        if (firstEscape < 0)
        {
            return encoded;
        }

        var builder = new StringBuilder(encoded.Length);
        builder.Append(encoded, 0, firstEscape);
        for (int i = firstEscape; i < encoded.Length; i++)
        {
            if (encoded[i] == Escape && i + 4 < encoded.Length
                && int.TryParse(encoded.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(encoded[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The smallest string above every encoded key that starts with <paramref name="encodedPrefix"/> (non-empty):
    /// the prefix with its last character incremented. Its last character is never '~', so the result stays ASCII.
    /// </summary>
    public static string UpperBound(string encodedPrefix) =>
        string.Concat(encodedPrefix.AsSpan(0, encodedPrefix.Length - 1), ((char)(encodedPrefix[^1] + 1)).ToString());

    private static bool IsSafe(char c) => c is >= ' ' and < '~' and not ('/' or '\\' or '#' or '?' or '%');

    private static readonly System.Buffers.SearchValues<char> SafeCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(' ', '~' - ' ').Select(code => (char)code).Where(IsSafe).ToArray());
}
