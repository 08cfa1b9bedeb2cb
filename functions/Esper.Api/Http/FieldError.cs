namespace Esper.Api.Http;

/// <summary>One problem with the input: the JSON path of the field, a message, and for expressions the position.</summary>
internal sealed record FieldError(string Field, string Message, int? Position = null);
