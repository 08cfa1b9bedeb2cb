namespace Esper.Core.Expressions;

/// <summary>The kinds of literal value an expression can hold.</summary>
internal enum LiteralKind : byte
{
    String,
    Number,
    Bool,
}
