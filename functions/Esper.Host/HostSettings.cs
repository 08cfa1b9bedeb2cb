using Esper.Api;
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

    /// <summary>The settings every host shares (operator token, bootstrap key, rate limit, config check, recording).</summary>
    public EsperSettings Api { get; init; } = new();

    public static HostSettings From(IConfiguration configuration)
    {
        var store = (configuration["ESPER_STORE"] is { Length: > 0 } name ? name : "sqlite").Trim().ToLowerInvariant();
        return new()
        {
            Store = store,
            DataDir = configuration["ESPER_DATA_DIR"] is { Length: > 0 } dir ? dir : DefaultDataDir,
            Api = EsperSettings.Read(key => configuration[key], store),
        };
    }
}
