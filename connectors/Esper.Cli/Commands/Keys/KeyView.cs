using System.Text.Json.Nodes;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Keys;

/// <summary>Table rows for API keys (the secret is never part of a row).</summary>
internal static class KeyView
{
    public static readonly string[] Columns = ["ID", "NAME", "SCOPE", "TRUST", "PREFIX", "CREATED", "REVOKED"];

    public static string?[] Row(JsonObject key) =>
    [
        ResourceJson.Id(key),
        ResourceJson.Name(key),
        ResourceJson.Text(key, "scope"),
        ResourceJson.Text(key, "trust_level"),
        ResourceJson.Text(key, "prefix"),
        key["created_at"]?.ToString(),
        key["revoked_at"]?.ToString(),
    ];
}
