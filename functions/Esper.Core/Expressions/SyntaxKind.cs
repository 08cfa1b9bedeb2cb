namespace Esper.Core.Expressions;

/// <summary>Node kinds of the text form's syntax tree, before binding.</summary>
internal enum SyntaxKind : byte
{
    Field,
    Literal,
    List,
    Call,
    Method,
    Not,
    And,
    Or,
    Compare,
    In,
}
