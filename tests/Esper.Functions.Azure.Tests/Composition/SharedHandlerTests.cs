using System.Text.Json.Nodes;
using Esper.Functions.Azure.Composition;
using Esper.Functions.Azure.Functions;
using Esper.Functions.Azure.Tests.Http;
using Microsoft.Extensions.Configuration;

namespace Esper.Functions.Azure.Tests.Composition;

/// <summary>The triggers over the real shared handler and the embedded store, called in-process.</summary>
public sealed class SharedHandlerTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("esper-azure-").FullName;
    private FunctionsApp _app = null!;

    public async Task InitializeAsync() => _app = await FunctionsApp.StartAsync(FunctionsApp.SqliteSettings(_dataDirectory));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Health_trigger_answers_from_the_shared_handler()
    {
        var (status, headers, body) = await FunctionCall.RunAsync(FunctionCall.NewContext("GET", "/healthz"), _app.Functions<HealthFunctions>().Health);

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(body));
    }

    [Fact]
    public async Task Resource_created_through_one_trigger_is_read_through_another()
    {
        var mitigations = _app.Functions<MitigationFunctions>();
        var create = FunctionCall.NewContext("POST", "/api/v1/mitigations", "{\"id\":\"watch\",\"name\":\"Watch only\",\"mode\":\"monitor\"}");
        create.Request.Headers["x-esper-api-key"] = FunctionsApp.AdminKey;

        var (createdStatus, createdHeaders, createdBody) = await FunctionCall.RunAsync(create, mitigations.CreateMitigation);

        Assert.True(createdStatus == 201, createdBody);
        Assert.Equal("/api/v1/mitigations/watch", createdHeaders.Location.ToString());

        var get = FunctionCall.NewContext("GET", "/api/v1/mitigations/watch");
        get.Request.Headers["x-esper-api-key"] = FunctionsApp.AdminKey;
        var (status, headers, body) = await FunctionCall.RunAsync(get, mitigations.GetMitigation);

        Assert.Equal(200, status);
        Assert.Equal(createdHeaders.ETag.ToString(), headers.ETag.ToString());
        Assert.Equal("monitor", (string)JsonNode.Parse(body)!["mode"]!);
    }

    [Fact]
    public async Task Request_without_a_key_is_a_401_problem()
    {
        var (status, headers, body) = await FunctionCall.RunAsync(FunctionCall.NewContext("GET", "/api/v1/policies"), _app.Functions<PolicyFunctions>().ListPolicies);

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", headers.ContentType.ToString());
        Assert.Equal(401, (int)JsonNode.Parse(body)!["status"]!);
    }

    [Fact]
    public void Unknown_store_setting_stops_the_app_with_a_message_naming_it()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ESPER_STORE"] = "dynamodb" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionSettings.Read(settings));

        Assert.Contains("ESPER_STORE 'dynamodb' is not available in this host: it supports azuretables, sqlite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_tables_store_without_a_connection_names_the_missing_setting()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ESPER_AZURE_TABLES_TABLE"] = "esper" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionSettings.Read(settings));

        Assert.Contains("ESPER_AZURE_TABLES_CONNECTION_STRING", error.Message, StringComparison.Ordinal);
    }
}
