using System.Globalization;
using System.Text;

namespace Esper.Core.Expressions;

/// <summary>Splits the text form into tokens; string escapes follow CEL (<c>\" \\ \n \t \uXXXX</c>, raw <c>r"..."</c>).</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, i, string.Empty));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if ((c is 'r' or 'R') && i + 1 < text.Length && text[i + 1] is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i, raw: true));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, start, text[start..i]));
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i, raw: false));
            }
            else
            {
                var (kind, length) = Symbol(text, i);
                if (length == 0)
                {
                    throw new ExpressionSyntaxException($"unexpected character '{c}' at {i}", i);
                }

                tokens.Add(new Token(kind, i, text.Substring(i, length)));
                i += length;
            }
        }
    }

    private static (TokenKind Kind, int Length) Symbol(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return (text[i], next) switch
        {
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Bang, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            _ => (TokenKind.End, 0),
        };
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        var source = text[start..i];
        if (!double.TryParse(source, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsInfinity(number))
        {
            throw new ExpressionSyntaxException($"number out of range at {start}", start);
        }

        return new Token(TokenKind.Number, start, source, Literal.Of(number));
    }

    private static Token ReadString(string text, ref int i, bool raw)
    {
        var start = i;
        if (raw)
        {
            i++;
        }

        var quote = text[i++];
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || text[i] is '\n' or '\r')
            {
                throw new ExpressionSyntaxException($"unterminated string starting at {start}", start);
            }

            var c = text[i++];
            if (c == quote)
            {
                return new Token(TokenKind.String, start, text[start..i], Literal.Of(value.ToString()));
            }

            if (c != '\\' || raw)
            {
                value.Append(c);
                continue;
            }

            if (i >= text.Length)
            {
                throw new ExpressionSyntaxException($"unterminated string starting at {start}", start);
            }

            var escape = text[i++];
            switch (escape)
            {
                case '\\' or '"' or '\'' or '`' or '?': value.Append(escape); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when i + 4 <= text.Length &&
                              int.TryParse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new ExpressionSyntaxException($"invalid escape '\\{escape}' at {i - 2}", i - 2);
            }
        }
    }
}
