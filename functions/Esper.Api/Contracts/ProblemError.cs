namespace Esper.Api.Contracts;

/// <summary>One invalid field of a problem: its JSON path, what is wrong and, for expressions, the character position.</summary>
internal sealed record ProblemError(string Field, string Message, int? Position);
