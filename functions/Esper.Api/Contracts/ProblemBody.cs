namespace Esper.Api.Contracts;

/// <summary>An RFC 9457 problem as <see cref="Http.Problems"/> writes it; <c>field</c> and <c>position</c> repeat the first error.</summary>
internal sealed record ProblemBody(string Type, string Title, int Status, string? Detail, string? Field, int? Position, IReadOnlyList<ProblemError>? Errors);
