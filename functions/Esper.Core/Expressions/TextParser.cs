namespace Esper.Core.Expressions;

/// <summary>
/// Recursive-descent parser for the text form (a CEL subset). Precedence, loosest first: <c>||</c>, <c>&amp;&amp;</c>,
/// relations (<c>== != &lt; &lt;= &gt; &gt;= in</c>, not chained), unary <c>!</c> and <c>-</c>, member access and calls.
/// </summary>
internal sealed class TextParser
{
    private readonly List<Token> _tokens;
    private int _next;

    private TextParser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_next];

    public static SyntaxNode Parse(string text)
    {
        var parser = new TextParser(Lexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        return node;
    }

    private static ExpressionSyntaxException Unexpected(Token token) => token.Kind == TokenKind.End
        ? new ExpressionSyntaxException($"unexpected end of expression at {token.Position}", token.Position)
        : new ExpressionSyntaxException($"unexpected '{token.Text}' at {token.Position}", token.Position);

    private Token Take() => _tokens[_next++];

    private bool TryTake(TokenKind kind, out Token token)
    {
        token = Current;
        if (token.Kind != kind)
        {
            return false;
        }

        _next++;
        return true;
    }

    private void Expect(TokenKind kind, string symbol)
    {
        if (!TryTake(kind, out var token))
        {
            throw new ExpressionSyntaxException($"expected '{symbol}' at {token.Position}", token.Position);
        }
    }

    private SyntaxNode ParseOr()
    {
        var first = ParseAnd();
        if (Current.Kind != TokenKind.OrOr)
        {
            return first;
        }

        var operands = new List<SyntaxNode> { first };
        while (TryTake(TokenKind.OrOr, out _))
        {
            operands.Add(ParseAnd());
        }

        return new SyntaxNode(SyntaxKind.Or, first.Position, operands);
    }

    private SyntaxNode ParseAnd()
    {
        var first = ParseRelation();
        if (Current.Kind != TokenKind.AndAnd)
        {
            return first;
        }

        var operands = new List<SyntaxNode> { first };
        while (TryTake(TokenKind.AndAnd, out _))
        {
            operands.Add(ParseRelation());
        }

        return new SyntaxNode(SyntaxKind.And, first.Position, operands);
    }

    private SyntaxNode ParseRelation()
    {
        var left = ParseUnary();
        var token = Current;
        CompareOp? op = token.Kind switch
        {
            TokenKind.EqualEqual => CompareOp.Eq,
            TokenKind.BangEqual => CompareOp.Ne,
            TokenKind.Less => CompareOp.Lt,
            TokenKind.LessEqual => CompareOp.Le,
            TokenKind.Greater => CompareOp.Gt,
            TokenKind.GreaterEqual => CompareOp.Ge,
            _ => null,
        };

        if (op is { } relation)
        {
            _next++;
            return new SyntaxNode(SyntaxKind.Compare, token.Position, [left, ParseUnary()], Op: relation);
        }

        if (token is { Kind: TokenKind.Identifier, Text: "in" })
        {
            _next++;
            return new SyntaxNode(SyntaxKind.In, token.Position, [left, ParseUnary()]);
        }

        return left;
    }

    private SyntaxNode ParseUnary()
    {
        if (TryTake(TokenKind.Bang, out var bang))
        {
            return new SyntaxNode(SyntaxKind.Not, bang.Position, [ParseUnary()]);
        }

        if (TryTake(TokenKind.Minus, out var minus))
        {
            var operand = ParseUnary();
            if (operand is not { Kind: SyntaxKind.Literal, Value.Kind: LiteralKind.Number })
            {
                throw new ExpressionSyntaxException($"'-' applies to number literals only, at {minus.Position}", minus.Position);
            }

            return operand with { Position = minus.Position, Value = Literal.Of(-operand.Value.Number) };
        }

        return ParseMember();
    }

    private SyntaxNode ParseMember()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (TryTake(TokenKind.Dot, out var dot))
            {
                if (!TryTake(TokenKind.Identifier, out var name))
                {
                    throw new ExpressionSyntaxException($"expected a name after '.' at {name.Position}", name.Position);
                }

                if (Current.Kind == TokenKind.LeftParen)
                {
                    node = new SyntaxNode(SyntaxKind.Method, name.Position, [node, .. ParseArguments()], name.Text);
                    continue;
                }

                node = Extend(node, name.Text, dot.Position);
            }
            else if (TryTake(TokenKind.LeftBracket, out var bracket))
            {
                var index = Take();
                if (index.Kind is not (TokenKind.String or TokenKind.Number))
                {
                    throw new ExpressionSyntaxException($"expected a string index at {index.Position}", index.Position);
                }

                Expect(TokenKind.RightBracket, "]");
                node = Extend(node, index.Kind == TokenKind.String ? index.Value!.Text : index.Text, bracket.Position);
            }
            else
            {
                return node;
            }
        }
    }

    private static SyntaxNode Extend(SyntaxNode node, string segment, int position)
    {
        if (node.Kind != SyntaxKind.Field)
        {
            throw new ExpressionSyntaxException($"only fields have members, at {position}", position);
        }

        return node with { Segments = [.. node.Segments!, segment] };
    }

    private List<SyntaxNode> ParseArguments()
    {
        Expect(TokenKind.LeftParen, "(");
        var arguments = new List<SyntaxNode>();
        if (TryTake(TokenKind.RightParen, out _))
        {
            return arguments;
        }

        do
        {
            arguments.Add(ParseOr());
        }
        while (TryTake(TokenKind.Comma, out _));

        Expect(TokenKind.RightParen, ")");
        return arguments;
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Identifier when token.Text is "true" or "false":
                return new SyntaxNode(SyntaxKind.Literal, token.Position, [], Value: Literal.Of(token.Text == "true"));
            case TokenKind.Identifier when token.Text == "null":
                throw new ExpressionSyntaxException($"null is not supported (test presence with has(field)), at {token.Position}", token.Position);
            case TokenKind.Identifier when token.Text == "in":
                throw Unexpected(token);
            case TokenKind.Identifier when Current.Kind == TokenKind.LeftParen:
                return new SyntaxNode(SyntaxKind.Call, token.Position, ParseArguments(), token.Text);
            case TokenKind.Identifier:
                return new SyntaxNode(SyntaxKind.Field, token.Position, [], Segments: [token.Text]);
            case TokenKind.String or TokenKind.Number:
                return new SyntaxNode(SyntaxKind.Literal, token.Position, [], Value: token.Value);
            case TokenKind.LeftParen:
                var inner = ParseOr();
                Expect(TokenKind.RightParen, ")");
                return inner;
            case TokenKind.LeftBracket:
                return ParseList(token);
            default:
                throw Unexpected(token);
        }
    }

    private SyntaxNode ParseList(Token open)
    {
        var items = new List<SyntaxNode>();
        while (!TryTake(TokenKind.RightBracket, out _))
        {
            items.Add(ParseUnary());
            if (!TryTake(TokenKind.Comma, out _))
            {
                Expect(TokenKind.RightBracket, "]");
                break;
            }
        }

        return new SyntaxNode(SyntaxKind.List, open.Position, items);
    }
}
