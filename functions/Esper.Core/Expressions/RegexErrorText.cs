using System.Text;
using System.Text.RegularExpressions;

namespace Esper.Core.Expressions;

/// <summary>Says what is wrong with a regular expression in plain words, not in .NET's option and type names.</summary>
internal static class RegexErrorText
{
    public static string Describe(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "a '(' is never closed",
        RegexParseError.InsufficientOpeningParentheses => "a ')' has no matching '('",
        RegexParseError.UnterminatedBracket => "a '[' character class is never closed",
        RegexParseError.QuantifierAfterNothing => "a quantifier (*, + or ?) follows nothing",
        RegexParseError.NestedQuantifiersNotParenthesized => "two quantifiers in a row; wrap the first in parentheses",
        RegexParseError.UnescapedEndingBackslash => "the pattern ends with a lone '\\'",
        RegexParseError.ReversedCharacterRange => "a character range runs backwards, such as [z-a]",
        RegexParseError.ReversedQuantifierRange => "a {n,m} range has n greater than m",
        RegexParseError.UnrecognizedEscape => "an unknown escape sequence",
        _ => Words(error.ToString()),
    };

    /// <summary><c>InvalidGroupingConstruct</c> becomes <c>invalid grouping construct</c>.</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
