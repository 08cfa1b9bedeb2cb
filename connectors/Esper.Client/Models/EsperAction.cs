using System.Text.Json.Nodes;

namespace Esper.Client;

/// <summary>An action: what traffic means (<c>login</c> = a POST to /login).</summary>
public sealed record EsperAction : EsperResource
{
    /// <summary>The match expression: a JSON string holds the text form, an object the tree form.</summary>
    public JsonNode? Expression { get; init; }
}
