using System.Text.Json.Nodes;

namespace Esper.Client;

/// <summary>One policy clause.</summary>
public sealed record EsperClause
{
    /// <summary>Optional name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional match expression; absent = every request in scope.</summary>
    public JsonNode? Match { get; init; }

    /// <summary>Actions that must all match.</summary>
    public IReadOnlyList<string>? ActionIds { get; init; }

    /// <summary>The entity the window counts per; required with a window.</summary>
    public string? EntityId { get; init; }

    /// <summary>Optional sliding window.</summary>
    public EsperWindow? Window { get; init; }

    /// <summary>The mitigation; <c>monitor</c> names the built-in one.</summary>
    public string MitigationId { get; init; } = "";
}
