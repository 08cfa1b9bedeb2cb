namespace Esper.Cli.Hybrid;

/// <summary>The tenant the daemon mirrors (the tenant of the workspace's API key).</summary>
internal sealed record DaemonTenant(string Id);
