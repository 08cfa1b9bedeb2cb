using System.Text;

namespace Esper.Api.Challenge;

/// <summary>Reads an <c>application/x-www-form-urlencoded</c> body (the challenge page's POST).</summary>
internal static class FormBody
{
    /// <summary>Most fields read; a real form has one or two.</summary>
    public const int MaxFields = 16;

    public static Dictionary<string, string> Parse(ReadOnlyMemory<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body.Span).Split('&', StringSplitOptions.RemoveEmptyEntries).Take(MaxFields))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            fields.TryAdd(name, value);
        }

        return fields;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return "";
        }
    }
}
