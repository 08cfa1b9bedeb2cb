using System.Text.Json;

namespace Esper.Core.Resources;

/// <summary>A tenant-defined business event (e.g. <c>login</c>) recognised in traffic by an expression.</summary>
public sealed class ActionDefinition
{
    /// <summary>Stable identifier, 1–64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Label operators see.</summary>
    public string Name { get; set; } = "";

    /// <summary>Optional context for operators.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the engine evaluates this action; a disabled action never matches.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The condition that recognises the action: a JSON string (text form) or object (tree form).</summary>
    public JsonElement? Expression { get; set; }
}
