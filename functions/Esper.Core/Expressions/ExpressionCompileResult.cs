namespace Esper.Core.Expressions;

/// <summary>A compiled expression or the error that stopped it.</summary>
public sealed class ExpressionCompileResult
{
    private ExpressionCompileResult(CompiledExpression? expression, ExpressionError? error)
    {
        Expression = expression;
        Error = error;
    }

    /// <summary>The compiled expression, on success.</summary>
    public CompiledExpression? Expression { get; }

    /// <summary>The first error, on failure.</summary>
    public ExpressionError? Error { get; }

    /// <summary>True when <see cref="Expression"/> is set.</summary>
    public bool Succeeded => Expression is not null;

    /// <summary>A success.</summary>
    public static ExpressionCompileResult Ok(CompiledExpression expression) => new(expression, null);

    /// <summary>A failure.</summary>
    public static ExpressionCompileResult Fail(ExpressionError error) => new(null, error);
}
