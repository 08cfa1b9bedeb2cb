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
            var documented = operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal([.. route.ProblemStatuses.Append(route.SuccessStatus).Order()], documented);
            Assert.Equal(route.RequestBody is not null, operation["requestBody"]?["content"]?[route.RequestContentType]?["schema"]?["$ref"] is not null
                || operation["requestBody"]?["content"]?[route.RequestContentType]?["schema"]?["properties"] is not null);
        }
    }

    [Fact]
    public async Task Operations_name_their_security_scheme_by_who_may_call_them()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);
        var document = JsonNode.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        Assert.Equal("x-esper-api-key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["OperatorToken"]!["scheme"]!.GetValue<string>());
        Assert.Null(document["paths"]!["/healthz"]!["get"]!["security"]);
        Assert.NotNull(document["paths"]!["/api/v1/policies"]!["get"]!["security"]![0]!["ApiKey"]);
        Assert.NotNull(document["paths"]!["/api/v1/tenants"]!["post"]!["security"]![0]!["OperatorToken"]);
    }

    [Fact]
    public async Task Admin_routes_take_an_operator_jwt_as_an_alternative_and_runtime_routes_do_not()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);
        var document = JsonNode.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        var scheme = document["components"]!["securitySchemes"]!["OperatorJwt"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.Equal("JWT", scheme["bearerFormat"]!.GetValue<string>());

        static string[] Schemes(JsonNode operation) =>
            [.. operation["security"]!.AsArray().SelectMany(requirement => requirement!.AsObject().Select(entry => entry.Key))];

        Assert.Equal(["ApiKey", "BearerKey", "OperatorJwt"], Schemes(document["paths"]!["/api/v1/policies"]!["get"]!));
        Assert.Equal(["ApiKey", "BearerKey", "OperatorJwt"], Schemes(document["paths"]!["/api/v1/tenants/{tenant_id}/memberships"]!["get"]!));
        Assert.Equal(["ApiKey", "BearerKey"], Schemes(document["paths"]!["/api/v1/runtime/mitigation"]!["post"]!));
        Assert.Equal(["OperatorToken"], Schemes(document["paths"]!["/api/v1/tenants"]!["post"]!));
    }

    [Fact]
    public async Task Readme_links_the_reference_page_and_the_checked_in_document()
    {
        var readme = await File.ReadAllTextAsync(RepositoryRoot.Combine("README.md"));

        Assert.Contains("http://127.0.0.1:8080/docs", readme, StringComparison.Ordinal);
        Assert.Contains("(docs/openapi.json)", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_page_is_served_at_docs_over_the_served_document()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);

        using var page = await client.Http.GetAsync(new Uri("/docs", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.Http.GetAsync(new Uri("/docs/scalar.js", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Esper API", html, StringComparison.Ordinal);
    }
}
