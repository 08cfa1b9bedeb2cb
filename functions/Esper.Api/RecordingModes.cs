namespace Esper.Api;

/// <summary>Reads <c>ESPER_RECORDING</c> the same way in every host.</summary>
public static class RecordingModes
{
    /// <summary>The setting's name.</summary>
    public const string Setting = "ESPER_RECORDING";

    /// <summary>
    /// The mode a host runs with: the setting when given (<c>before_answer</c> or <c>after_answer</c>), else
    /// <c>before_answer</c> on the embedded SQLite store, whose writes cost microseconds, and <c>after_answer</c> on a
    /// cloud store, where every sequential round trip costs milliseconds on each decision.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting has another value.</exception>
    public static RecordingMode Resolve(string? setting, string store) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" => string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase) ? RecordingMode.BeforeAnswer : RecordingMode.AfterAnswer,
        "before_answer" => RecordingMode.BeforeAnswer,
        "after_answer" => RecordingMode.AfterAnswer,
        _ => throw new InvalidOperationException($"{Setting} must be 'before_answer' or 'after_answer', not '{setting}'."),
    };
}
