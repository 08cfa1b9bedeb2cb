using System.Text.Json;
using Esper.Core.Resources;

namespace Esper.Core.Tests;

/// <summary>Builds expression values as resources hold them.</summary>
internal static class TestExpressions
{
    /// <summary>A text-form expression as a JSON string element.</summary>
    public static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text, CoreJsonContext.Default.String);

    /// <summary>A tree-form expression parsed from JSON.</summary>
    public static JsonElement Tree(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
