namespace Esper.Core.Expressions;

/// <summary>Tokens of the text form.</summary>
internal enum TokenKind : byte
{
    End,
    Identifier,
    String,
    Number,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    AndAnd,
    OrOr,
    Bang,
    Minus,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}
