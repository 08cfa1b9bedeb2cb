using System.Globalization;

namespace Esper.Core.Expressions;

/// <summary>A literal value; numbers are doubles (integers print without a fraction).</summary>
internal sealed record Literal(LiteralKind Kind, string Text, double Number, bool Bool)
{
    public static Literal Of(string text) => new(LiteralKind.String, text, 0, false);

    public static Literal Of(double number) => new(LiteralKind.Number, FormatNumber(number), number, false);

    public static Literal Of(bool value) => new(LiteralKind.Bool, value ? "true" : "false", 0, value);

    public string KindName => Kind switch
    {
        LiteralKind.String => "a string",
        LiteralKind.Number => "a number",
        _ => "a boolean",
    };

    /// <summary>The literal as the text form prints it.</summary>
    public string ToCel() => Kind == LiteralKind.String ? CelText.Quote(Text) : Text;

    private static string FormatNumber(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
}
