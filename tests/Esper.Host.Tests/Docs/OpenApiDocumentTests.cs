using System.Text.Json.Nodes;
using Esper.Host.Tests.Support;
using Esper.Testing;

namespace Esper.Host.Tests.Docs;

public sealed class OpenApiDocumentTests
{
    /// <summary>Set ESPER_UPDATE_OPENAPI=1 to rewrite docs/openapi.json from the served document.</summary>
    [Fact]
    public async Task Served_openapi_document_equals_the_checked_in_copy()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);
        var served = await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var path = RepositoryRoot.Combine("docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("ESPER_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, JsonNode.Parse(served)!.ToJsonString(new() { WriteIndented = true }) + "\n");
        }

        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(served), checkedIn), "docs/openapi.json differs from the served document; run the tests with ESPER_UPDATE_OPENAPI=1 and commit the file.");
    }

    [Fact]
    public async Task Openapi_document_lists_every_route_with_its_operation_id()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);
        var document = JsonNode.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        foreach (var route in Esper.Api.Http.ApiRoutes.All)
        {
            var operation = document["paths"]?[route.Template]?[route.Method.ToLowerInvariant()];
            Assert.True(operation is not null, $"{route.Method} {route.Template} is missing");
            Assert.Equal(route.Name, operation!["operationId"]?.GetValue<string>());
        }
    }
}
