using System.Text.Json.Nodes;

namespace Esper.Client;

/// <summary>An entity: which fields identify the same actor across requests.</summary>
public sealed record EsperEntity : EsperResource
{
    /// <summary>1–8 field names.</summary>
    public IReadOnlyList<string> KeyFields { get; init; } = [];

    /// <summary>Optional: the request has a key only when this holds.</summary>
    public JsonNode? MatchExpression { get; init; }

    /// <summary>Optional: the request has a key only when it matched this action.</summary>
    public string? ActionId { get; init; }
}
