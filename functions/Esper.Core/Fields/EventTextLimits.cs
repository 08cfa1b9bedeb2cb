namespace Esper.Core.Fields;

/// <summary>
/// The limits on the JSON text itself that a host enforces before an event is read (deepest nesting, longest
/// string or property name in characters, most object properties counted at every depth).
/// </summary>
/// <param name="MaxDepth">Deepest JSON nesting.</param>
/// <param name="MaxStringLength">Longest string value or property name, in characters.</param>
/// <param name="MaxProperties">Most object properties in one body, counted at every depth.</param>
public readonly record struct EventTextLimits(int MaxDepth, int MaxStringLength, int MaxProperties);
