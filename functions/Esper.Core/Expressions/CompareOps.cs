namespace Esper.Core.Expressions;

/// <summary>Symbols and helpers for <see cref="CompareOp"/>.</summary>
internal static class CompareOps
{
    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Eq => "==",
        CompareOp.Ne => "!=",
        CompareOp.Lt => "<",
        CompareOp.Le => "<=",
        CompareOp.Gt => ">",
        _ => ">=",
    };

    /// <summary>The operator that holds with the operands swapped: <c>3 &lt; x</c> is <c>x &gt; 3</c>.</summary>
    public static CompareOp Mirror(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };

    public static bool Holds(CompareOp op, int comparison) => op switch
    {
        CompareOp.Eq => comparison == 0,
        CompareOp.Ne => comparison != 0,
        CompareOp.Lt => comparison < 0,
        CompareOp.Le => comparison <= 0,
        CompareOp.Gt => comparison > 0,
        _ => comparison >= 0,
    };
}
