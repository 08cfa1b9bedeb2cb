namespace Esper.Core.Expressions;

/// <summary>
/// One node of the text form as written. <see cref="Segments"/> holds a field path (<c>request</c>, <c>headers</c>,
/// <c>user-agent</c>); <see cref="Name"/> a function or method name; a method's target is its first child.
/// </summary>
internal sealed record SyntaxNode(
    SyntaxKind Kind,
    int Position,
    IReadOnlyList<SyntaxNode> Children,
    string Name = "",
    Literal? Value = null,
    IReadOnlyList<string>? Segments = null,
    CompareOp Op = CompareOp.Eq);
