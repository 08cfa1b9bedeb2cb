namespace Esper.Core.Expressions;

/// <summary>One token: its kind, zero-based position, source text and, for literals, the value.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, Literal? Value = null);
