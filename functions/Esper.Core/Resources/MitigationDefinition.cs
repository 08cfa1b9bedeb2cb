namespace Esper.Core.Resources;

/// <summary>A reusable response applied when a policy clause fires.</summary>
public sealed class MitigationDefinition
{
    /// <summary>Stable identifier, 1–64 characters of <c>[A-Za-z0-9_-]</c>; <c>monitor</c> is reserved for the built-in monitor.</summary>
    public string Id { get; set; } = "";

    /// <summary>Label operators see.</summary>
    public string Name { get; set; } = "";

    /// <summary>Optional guidance on when to use this mitigation.</summary>
    public string? Description { get; set; }

    /// <summary>Whether policies may apply it; clauses naming a disabled mitigation never fire.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One of <see cref="MitigationModes"/>: <c>monitor</c>, <c>challenge</c> or <c>block</c>.</summary>
    public string Mode { get; set; } = "";

    /// <summary>How long the mitigation stays on the entity key once triggered; 0 = the firing request only. Default 0.</summary>
    public long DurationSeconds { get; set; }

    /// <summary>Response options for <c>block</c> mode.</summary>
    public BlockOptions? Block { get; set; }

    /// <summary>Options for <c>challenge</c> mode.</summary>
    public ChallengeOptions? Challenge { get; set; }
}
