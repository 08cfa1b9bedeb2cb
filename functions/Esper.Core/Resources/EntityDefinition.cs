using System.Text.Json;

namespace Esper.Core.Resources;

/// <summary>A tenant-defined identity rule: which fields identify the same actor across requests.</summary>
public sealed class EntityDefinition
{
    /// <summary>Stable identifier, 1–64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Label operators see.</summary>
    public string Name { get; set; } = "";

    /// <summary>Optional context for operators.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the engine resolves keys for this entity; a disabled entity has no key.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Field names (canonical or alias) whose values together form the entity key; 1 to 8 of them.</summary>
    public IList<string> KeyFields { get; set; } = [];

    /// <summary>Optional condition limiting which requests have a key for this entity.</summary>
    public JsonElement? MatchExpression { get; set; }

    /// <summary>Optional action the request must match to have a key for this entity.</summary>
    public string? ActionId { get; set; }
}
