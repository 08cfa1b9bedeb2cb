using Esper.Api;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Esper.Host;

/// <summary>The host's environment settings (every one is documented in docs/api.md).</summary>
internal sealed class HostSettings
{
    /// <summary>Where the embedded store keeps its file when ESPER_DATA_DIR is not set: <c>.esper-data</c> under the working directory.</summary>
    public const string DefaultDataDir = ".esper-data";

    /// <summary>The address the host listens on when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public required string Store { get; init; }

    public required string DataDir { get; init; }

    public string? BootstrapAdminKey { get; init; }

    public string? OperatorToken { get; init; }

    public int RateLimitPerMinute { get; init; }

    public int ConfigCheckSeconds { get; init; }

    public RecordingMode Recording { get; init; }

    public static HostSettings From(IConfiguration configuration)
    {
        var store = (configuration["ESPER_STORE"] is { Length: > 0 } name ? name : "sqlite").Trim().ToLowerInvariant();
        return new()
        {
            Store = store,
            DataDir = configuration["ESPER_DATA_DIR"] is { Length: > 0 } dir ? dir : DefaultDataDir,
            BootstrapAdminKey = configuration["ESPER_BOOTSTRAP_ADMIN_KEY"] is { Length: > 0 } key ? key : null,
            OperatorToken = configuration["ESPER_OPERATOR_TOKEN"] is { Length: > 0 } token ? token : null,
            RateLimitPerMinute = Int(configuration, "ESPER_RATE_LIMIT_PER_MINUTE", 1200),
            ConfigCheckSeconds = Int(configuration, "ESPER_CONFIG_CHECK_SECONDS", 0),
            Recording = RecordingModes.Resolve(configuration[RecordingModes.Setting], store),
        };
    }

    private static int Int(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number, not '{text}'.");
    }
}
