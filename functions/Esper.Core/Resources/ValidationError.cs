namespace Esper.Core.Resources;

/// <summary>One problem with a resource.</summary>
/// <param name="Path">JSON path of the offending field, e.g. <c>clauses[1].window.seconds</c> or <c>clauses[0].match.and[1].op</c>.</param>
/// <param name="Message">A human message.</param>
/// <param name="Position">For a text-form expression: zero-based character offset of the error inside it.</param>
public sealed record ValidationError(string Path, string Message, int? Position = null)
{
    /// <inheritdoc />
    public override string ToString() => Position is { } p ? $"{Path}: {Message} (at position {p})" : $"{Path}: {Message}";
}
