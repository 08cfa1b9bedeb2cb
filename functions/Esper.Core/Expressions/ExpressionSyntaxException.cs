namespace Esper.Core.Expressions;

/// <summary>
/// Stops the recursive-descent parsers (text and tree) at the first error. It never leaves <see cref="ExpressionCompiler"/>,
/// which turns it into an <see cref="ExpressionError"/> value; it keeps the grammar code free of error plumbing.
/// </summary>
internal sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException()
    {
    }

    public ExpressionSyntaxException(string message)
        : base(message)
    {
    }

    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExpressionSyntaxException(string message, int position)
        : base(message) => Position = position;

    public ExpressionSyntaxException(string message, string path)
        : base(message) => Path = path;

    /// <summary>Zero-based offset in the text form, when the error came from it.</summary>
    public int? Position { get; }

    /// <summary>JSON path in the tree form, when the error came from it.</summary>
    public string? Path { get; }
}
