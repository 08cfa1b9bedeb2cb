namespace Esper.Client;

/// <summary>Esper's answer to a runtime decision.</summary>
public sealed record EsperDecision
{
    /// <summary>The decision's id (<c>dec_…</c>); a replayed idempotent decision repeats it.</summary>
    public string DecisionId { get; init; } = "";

    /// <summary><c>allow</c>, <c>challenge</c> or <c>block</c> (see <see cref="EsperActions"/>).</summary>
    public string Action { get; init; } = EsperActions.Allow;

    /// <summary>The hosted challenge page for a <c>challenge</c>, when Esper could build one; else null.</summary>
    public string? RedirectUrl { get; init; }

    /// <summary>The deciding mitigation, when a policy fired.</summary>
    public EsperMitigationRef? Mitigation { get; init; }

    /// <summary>The deciding policy, when one fired.</summary>
    public string? PolicyId { get; init; }

    /// <summary>What results count: <c>allow</c>, <c>observe</c>, <c>challenge</c> or <c>block</c>.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>Every clause that fired.</summary>
    public IReadOnlyList<EsperMatch> Matches { get; init; } = [];

    /// <summary>The actions the request matched.</summary>
    public IReadOnlyList<EsperActionRef> Actions { get; init; } = [];

    /// <summary>Entity keys by entity id.</summary>
    public IReadOnlyDictionary<string, string> Entities { get; init; } = NoEntities;

    /// <summary>A sentence saying why.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The field model's encoding version.</summary>
    public string? EncodingVersion { get; init; }

    /// <summary>The tenant config version the decision used.</summary>
    public string? ConfigVersion { get; init; }

    /// <summary>When Esper decided.</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>How to answer a block (status and message), for <c>block</c>.</summary>
    public EsperBlock? Block { get; init; }

    // Shared and read-only: every decision otherwise allocated a map the reader then replaced.
    internal static readonly IReadOnlyDictionary<string, string> NoEntities = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
}
