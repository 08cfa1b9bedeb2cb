namespace Esper.Cli.Workspace;

/// <summary>One environment in <c>config.yaml</c>: where Esper is and which tenant the commands address.</summary>
internal sealed class ProfileConfig
{
    /// <summary>The Esper API base URL, e.g. <c>https://api.esperr.com</c>.</summary>
    public string? ApiBase { get; set; }

    /// <summary>The tenant the commands address (an API key belongs to exactly one).</summary>
    public string? TenantId { get; set; }
}
