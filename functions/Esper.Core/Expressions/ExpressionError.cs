namespace Esper.Core.Expressions;

/// <summary>Why an expression was rejected.</summary>
/// <param name="Message">A human message, e.g. "unknown operator 'eqq'".</param>
/// <param name="Position">For the text form: zero-based character offset of the error.</param>
/// <param name="Path">For the JSON form: JSON path of the offending node, e.g. <c>$.and[1].op</c>.</param>
public sealed record ExpressionError(string Message, int? Position, string? Path)
{
    /// <inheritdoc />
    public override string ToString() => Position is { } p ? $"{Message} (at position {p})" : Path is { } path ? $"{Message} (at {path})" : Message;
}
