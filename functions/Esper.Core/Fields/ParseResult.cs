namespace Esper.Core.Fields;

/// <summary>The outcome of parsing an event body: the event, or an error naming the offending field.</summary>
public sealed class ParseResult
{
    private ParseResult(RuntimeEvent? value, string? errorField, string? errorMessage)
    {
        Value = value;
        ErrorField = errorField;
        ErrorMessage = errorMessage;
    }

    /// <summary>The parsed event, when parsing succeeded.</summary>
    public RuntimeEvent? Value { get; }

    /// <summary>JSON path of the offending field (e.g. <c>request.headers</c>), when parsing failed.</summary>
    public string? ErrorField { get; }

    /// <summary>A human message, when parsing failed.</summary>
    public string? ErrorMessage { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>A success.</summary>
    public static ParseResult Ok(RuntimeEvent value) => new(value, null, null);

    /// <summary>A failure naming the field.</summary>
    public static ParseResult Fail(string field, string message) => new(null, field, message);
}
