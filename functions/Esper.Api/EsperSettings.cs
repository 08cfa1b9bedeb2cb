using System.Globalization;

namespace Esper.Api;

/// <summary>
/// The settings every host reads the same way from its environment (docs/api.md lists each with its default): one
/// reader, so the ASP.NET Core host, the Lambda function and the Azure Functions app cannot drift apart.
/// </summary>
public sealed class EsperSettings
{
    /// <summary><c>ESPER_OPERATOR_TOKEN</c>: bearer token for tenant management; null turns it off.</summary>
    public string? OperatorToken { get; init; }

    /// <summary><c>ESPER_BOOTSTRAP_ADMIN_KEY</c>: the default tenant's admin key on first start; null makes a fresh one.</summary>
    public string? BootstrapAdminKey { get; init; }

    /// <summary><c>ESPER_RATE_LIMIT_PER_MINUTE</c>: requests per API key per minute; 0 disables. Default 1200.</summary>
    public int RateLimitPerMinute { get; init; } = 1200;

    /// <summary><c>ESPER_CONFIG_CHECK_SECONDS</c>: how long a process trusts its compiled config. Default 0.</summary>
    public int ConfigCheckSeconds { get; init; }

    /// <summary>
    /// <c>ESPER_RECORDING</c> (<c>before_answer</c> or <c>after_answer</c>). Unset: <c>before_answer</c> on the embedded
    /// SQLite store, whose writes cost microseconds, and <c>after_answer</c> on a cloud store, where every sequential
    /// round trip costs milliseconds on each decision.
    /// </summary>
    public RecordingMode Recording { get; init; }

    /// <summary>Reads the settings; <paramref name="store"/> is the host's <c>ESPER_STORE</c> (it picks the recording default).</summary>
    /// <exception cref="InvalidOperationException">A setting has a value it cannot take; the message names it.</exception>
    public static EsperSettings Read(Func<string, string?> environment, string store) => new()
    {
        OperatorToken = Text(environment, "ESPER_OPERATOR_TOKEN"),
        BootstrapAdminKey = Text(environment, "ESPER_BOOTSTRAP_ADMIN_KEY"),
        RateLimitPerMinute = WholeNumber(environment, "ESPER_RATE_LIMIT_PER_MINUTE", 1200, "requests (0 disables the limit)"),
        ConfigCheckSeconds = WholeNumber(environment, "ESPER_CONFIG_CHECK_SECONDS", 0, "seconds"),
        Recording = ParseRecording(Text(environment, "ESPER_RECORDING"), store),
    };

    /// <summary>Copies the settings the shared handlers use onto their options.</summary>
    public void ApplyTo(EsperApiOptions options)
    {
        options.OperatorToken = OperatorToken;
        options.RateLimitPerMinute = RateLimitPerMinute;
        options.ConfigCheckInterval = TimeSpan.FromSeconds(ConfigCheckSeconds);
        options.Recording = Recording;
    }

    private static RecordingMode ParseRecording(string? setting, string store) => setting?.ToLowerInvariant() switch
    {
        null => string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase) ? RecordingMode.BeforeAnswer : RecordingMode.AfterAnswer,
        "before_answer" => RecordingMode.BeforeAnswer,
        "after_answer" => RecordingMode.AfterAnswer,
        _ => throw new InvalidOperationException($"ESPER_RECORDING must be 'before_answer' or 'after_answer', not '{setting}'."),
    };

    private static string? Text(Func<string, string?> environment, string name) =>
        environment(name)?.Trim() is { Length: > 0 } value ? value : null;

    private static int WholeNumber(Func<string, string?> environment, string name, int fallback, string unit)
    {
        var text = Text(environment, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number of {unit}, not '{text}'.");
    }
}
