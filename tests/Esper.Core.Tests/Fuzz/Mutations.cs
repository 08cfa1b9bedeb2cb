using CsCheck;

namespace Esper.Core.Tests.Fuzz;

/// <summary>Generators that damage a seed the way hostile or careless input does: insert, delete, repeat, splice.</summary>
internal static class Mutations
{
    // Characters that matter to the lexers and parsers, plus a few that should never matter.
    private const string Alphabet = "\"\\()[]{}<>=!&|.,:;-+*/%^$?#@'` \t\n\r0123456789eE_abczAZ\u0000\u00e9\u2028\uffff";

    private static readonly Gen<char> Interesting = Gen.OneOf(Gen.Char[Alphabet], Gen.Char);

    /// <summary>A seed from <paramref name="seeds"/> with one to eight mutations applied.</summary>
    public static Gen<string> Of(string[] seeds) =>
        Gen.Select(Gen.OneOf(seeds), Gen.Int[1, 8], Gen.Int.Array[24], Interesting.Array[8], static (seed, count, numbers, chars) =>
        {
            var text = seed;
            for (var i = 0; i < count; i++)
            {
                text = Apply(text, numbers[i * 3 % numbers.Length], numbers[(i * 3 + 1) % numbers.Length], numbers[(i * 3 + 2) % numbers.Length], chars[i]);
            }

            return text;
        });

    private static string Apply(string text, int kind, int a, int b, char c)
    {
        var length = text.Length;
        var at = length == 0 ? 0 : (int)((uint)a % (uint)(length + 1));
        var span = length == 0 ? 0 : (int)((uint)b % (uint)Math.Min(16, length - Math.Min(at, length) + 1));
        return ((uint)kind % 6) switch
        {
            0 => text.Insert(at, c.ToString()),
            1 => text.Remove(Math.Min(at, length), Math.Min(span, length - Math.Min(at, length))),
            2 => text.Insert(at, text.Substring(Math.Min(at, length), Math.Min(span, length - Math.Min(at, length)))),
            3 => text.Insert(at, new string(c, 1 + (int)((uint)b % 64))),
            4 => text[..Math.Min(at, length)],
            _ => text.Insert(at, "(" + text[..Math.Min(span, length)] + ")"),
        };
    }
}
