using System.Text;
using System.Text.RegularExpressions;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary><c>field.contains(s)</c>, <c>startsWith</c>, <c>endsWith</c> (ordinal) and <c>matches</c> (regex search); false when absent.</summary>
internal sealed class TextTestCondition(FieldReference field, TextTest test, string argument, Regex? regex) : Condition
{
    public override bool IsAtomic => true;

    public override void Print(StringBuilder output)
    {
        var method = test switch
        {
            TextTest.Contains => "contains",
            TextTest.StartsWith => "startsWith",
            TextTest.EndsWith => "endsWith",
            _ => "matches",
        };
        output.Append(CelText.Field(field)).Append('.').Append(method).Append('(').Append(CelText.Quote(argument)).Append(')');
    }

    public override Func<EncodedRequest, bool> Compile() => test switch
    {
        TextTest.Contains => r => r.GetText(field)?.Contains(argument, StringComparison.Ordinal) == true,
        TextTest.StartsWith => r => r.GetText(field)?.StartsWith(argument, StringComparison.Ordinal) == true,
        TextTest.EndsWith => r => r.GetText(field)?.EndsWith(argument, StringComparison.Ordinal) == true,
        _ => r => r.GetText(field) is { } text && SafeMatch(regex!, text),
    };

    private static bool SafeMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Non-backtracking matching is linear; the timeout is only a second belt. A timed-out match does not hold.
            return false;
        }
    }
}
