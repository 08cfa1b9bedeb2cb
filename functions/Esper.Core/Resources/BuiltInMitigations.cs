namespace Esper.Core.Resources;

/// <summary>Mitigations every tenant has without defining them.</summary>
public static class BuiltInMitigations
{
    /// <summary>The id a clause names to observe matching traffic without a mitigation definition (the Monitor preset).</summary>
    public const string MonitorId = "monitor";

    /// <summary>A fresh copy of the built-in monitor mitigation (mode <c>monitor</c>, duration 0).</summary>
    public static MitigationDefinition Monitor => new()
    {
        Id = MonitorId,
        Name = "Monitor",
        Description = "Built-in: observe matching traffic and record it, without acting on it.",
        Enabled = true,
        Mode = MitigationModes.Monitor,
        DurationSeconds = 0,
    };
}
