using System.Text.Json.Nodes;

namespace Esper.Functions.Aws.Tests.Events;

/// <summary>Real-shaped API Gateway and function URL events (Events/Samples), loaded to be adjusted per test.</summary>
internal static class SampleEvents
{
    public static JsonObject HttpApiV2() => Load("http-api-v2.json");

    public static JsonObject RestApiV1() => Load("rest-api-v1.json");

    public static JsonObject FunctionUrl() => Load("function-url.json");

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", "Samples", name)))!.AsObject();
}
