namespace Esper.Core.Resources;

/// <summary>The values of <see cref="PolicyDefinition.Status"/>.</summary>
public static class PolicyStatuses
{
    /// <summary>Evaluated and enforced.</summary>
    public const string Active = "active";

    /// <summary>Evaluated and reported, never enforced.</summary>
    public const string DryRun = "dry_run";

    /// <summary>Not evaluated.</summary>
    public const string Disabled = "disabled";
}
