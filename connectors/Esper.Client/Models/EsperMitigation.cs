namespace Esper.Client;

/// <summary>A mitigation: what happens when a clause fires.</summary>
public sealed record EsperMitigation : EsperResource
{
    /// <summary><c>monitor</c>, <c>challenge</c> or <c>block</c>.</summary>
    public string Mode { get; init; } = "";

    /// <summary>How long it stays on the entity key once fired; 0 = the firing request only.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>Mode <c>block</c> only: status and message.</summary>
    public EsperBlock? Block { get; init; }

    /// <summary>Mode <c>challenge</c> only: provider and return URLs.</summary>
    public EsperChallengeSettings? Challenge { get; init; }
}
