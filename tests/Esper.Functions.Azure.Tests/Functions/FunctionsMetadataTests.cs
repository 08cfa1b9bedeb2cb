using System.Reflection;
using System.Text.Json.Nodes;
using Esper.Api.Http;
using Esper.Testing;

namespace Esper.Functions.Azure.Tests.Functions;

/// <summary>
/// The functions.metadata the worker SDK generates at build time is what the Functions host reads to route
/// requests: it must list exactly the API's routes, each with its method.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonArray Metadata = LoadMetadata();

    [Fact]
    public void Every_api_route_has_a_function_with_the_same_route_and_method()
    {
        foreach (var route in ApiRoutes.All)
        {
            var function = Metadata.SingleOrDefault(f => (string)f!["name"]! == route.Name);
            Assert.True(function is not null, $"no function named {route.Name} for {route.Method} {route.Template}");
            var trigger = Trigger(function!);
            Assert.Equal(route.Template.TrimStart('/'), (string)trigger["route"]!);
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => (string)m!));
            Assert.Equal("Anonymous", (string)trigger["authLevel"]!);
        }
    }

    [Fact]
    public void Every_function_serves_an_api_route()
    {
        foreach (var function in Metadata)
        {
            var name = (string)function!["name"]!;
            var route = ApiRoutes.All.SingleOrDefault(r => r.Name == name);
            Assert.True(route is not null, $"function {name} serves no route of ApiRoutes.All");
            Assert.Equal(route!.Template.TrimStart('/'), (string)Trigger(function)["route"]!);
        }
    }

    [Fact]
    public void Host_json_keeps_paths_unprefixed_and_is_copied_beside_the_metadata()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory(), "host.json")))!;

        Assert.Equal("2.0", (string)hostJson["version"]!);
        Assert.Equal("", (string)hostJson["extensions"]!["http"]!["routePrefix"]!);
        Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("host.json")), File.ReadAllText(Path.Combine(OutputDirectory(), "host.json")));
    }

    private static JsonObject Trigger(JsonNode function) =>
        function["bindings"]!.AsArray().Single(b => (string)b!["type"]! == "httpTrigger")!.AsObject();

    private static JsonArray LoadMetadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory(), "functions.metadata")))!.AsArray();

    /// <summary>The function project's own build output, built with the same configuration as this test.</summary>
    private static string OutputDirectory() => RepositoryRoot.BuildOutput("Esper.Functions.Azure");
}
