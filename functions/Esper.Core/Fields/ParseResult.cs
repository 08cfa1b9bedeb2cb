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

    /// <summary>
    /// Top-level keys of the nested runtime shape that were ignored, in body order, when the body was read from
    /// its bytes by <see cref="RequestEncoder.TryRead"/>; null when there were none.
    /// </summary>
    public IReadOnlyList<string>? IgnoredKeys { get; private init; }

    /// <summary>Keys of the <c>request</c> object that were ignored, as <see cref="IgnoredKeys"/>.</summary>
    public IReadOnlyList<string>? IgnoredRequestKeys { get; private init; }

    /// <summary>A human message, when parsing failed.</summary>
    public string? ErrorMessage { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>A success.</summary>
    public static ParseResult Ok(RuntimeEvent value) => new(value, null, null);

    /// <summary>A success that also names the keys the nested shape ignored.</summary>
    internal static ParseResult Ok(RuntimeEvent value, IReadOnlyList<string>? ignoredKeys, IReadOnlyList<string>? ignoredRequestKeys) =>
        new(value, null, null) { IgnoredKeys = ignoredKeys, IgnoredRequestKeys = ignoredRequestKeys };

    /// <summary>A failure naming the field.</summary>
    public static ParseResult Fail(string field, string message) => new(null, field, message);
}
