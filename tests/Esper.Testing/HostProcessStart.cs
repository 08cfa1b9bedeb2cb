namespace Esper.Testing;

/// <summary>How <see cref="EsperHostProcess"/> starts the host.</summary>
public sealed record HostProcessStart
{
    /// <summary>The data directory (ESPER_DATA_DIR and the working directory). Null: a fresh temporary one, removed on dispose.</summary>
    public string? DataDir { get; init; }

    /// <summary>ESPER_BOOTSTRAP_ADMIN_KEY, the default tenant's admin key. Required: each suite names its own.</summary>
    public required string AdminKey { get; init; }

    /// <summary>
    /// The URL to listen on, when a setting must name it before the start (ESPER_PUBLIC_URL). Null: a free loopback port.
    /// </summary>
    public string? Url { get; init; }

    /// <summary>More environment variables, applied last (they may override the defaults, e.g. the log level).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the host may take to answer /healthz. Default 60 seconds (a loaded machine starts slowly).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
