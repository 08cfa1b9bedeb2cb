namespace Esper.Cli.Workspace;

/// <summary>The contents of <c>~/.esper/config.yaml</c>.</summary>
internal sealed class WorkspaceConfig
{
    /// <summary>The profile name used when a command names none (<c>default</c> after <c>esper init</c>).</summary>
    public string CurrentProfile { get; set; } = WorkspaceStore.DefaultProfile;

    /// <summary>Profiles by name.</summary>
    public Dictionary<string, ProfileConfig> Profiles { get; set; } = new(StringComparer.Ordinal);
}
