namespace Esper.Api.Json;

/// <summary>The answer of an expression check: valid, or the first error with its position (text form) or path (tree form).</summary>
internal sealed record ExpressionCheckView(bool Valid, string? Message, int? Position, string? Path);
