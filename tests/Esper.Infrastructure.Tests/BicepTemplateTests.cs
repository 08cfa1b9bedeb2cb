using System.Text.Json.Nodes;

namespace Esper.Infrastructure.Tests;

/// <summary>infra/azure/main.bicep compiled by the Bicep CLI, and what the compiled template wires.</summary>
public sealed class BicepTemplateTests
{
    // One compilation serves every test of the class: the CLI takes seconds to start.
    private static readonly Lazy<Task<(int ExitCode, string Output, string Errors)>> Build = new(() =>
        RepositoryFiles.RunAsync(RepositoryFiles.Bicep(), "build", RepositoryFiles.Path("infra", "azure", "main.bicep"), "--stdout"));

    [Fact]
    public async Task Main_bicep_builds_with_no_warnings()
    {
        var (exitCode, output, errors) = await Build.Value;

        Assert.True(exitCode == 0, errors);
        Assert.True(errors.Trim().Length == 0, $"bicep printed diagnostics:\n{errors}");
        Assert.NotNull(JsonNode.Parse(output)!["resources"]);
    }

    [Fact]
    public async Task A_bicep_warning_fails_the_build_check()
    {
        // The check above relies on warnings reaching stderr; an unused parameter must show up there.
        var file = Path.Combine(Path.GetTempPath(), $"esper-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(file, "param unused string = 'x'\n");
        try
        {
            var (_, _, errors) = await RepositoryFiles.RunAsync(RepositoryFiles.Bicep(), "build", file, "--stdout");
            Assert.Contains("no-unused-params", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Function_app_settings_point_the_app_at_the_table_of_the_template()
    {
        var template = await CompileAsync();
        var resources = template["resources"]!.AsArray().Select(r => r!).ToList();
        var site = resources.Single(r => (string)r["type"]! == "Microsoft.Web/sites");
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToJsonString());

        Assert.Equal("\"azuretables\"", settings["ESPER_STORE"]);
        Assert.Contains("tableName", settings["ESPER_AZURE_TABLES_TABLE"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", settings["ESPER_AZURE_TABLES_ENDPOINT"], StringComparison.Ordinal);
        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("linux", ((string)site["kind"]!).Split(',')[1]);
        Assert.Contains(resources, r => (string)r["type"]! == "Microsoft.Storage/storageAccounts/tableServices/tables");
        Assert.Contains(resources, r => (string)r["type"]! == "Microsoft.Insights/components");
    }

    [Fact]
    public async Task Operator_sign_in_settings_come_from_optional_parameters_and_the_development_issuer_is_not_deployed()
    {
        var template = await CompileAsync();
        var site = template["resources"]!.AsArray().Single(r => (string)r!["type"]! == "Microsoft.Web/sites")!;
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToString());
        var parameters = template["parameters"]!;

        foreach (var (setting, parameter) in new[]
        {
            ("ESPER_JWT_ISSUER", "jwtIssuer"), ("ESPER_JWT_AUDIENCE", "jwtAudience"), ("ESPER_JWT_SIGNING_KEY", "jwtSigningKey"),
            ("ESPER_JWT_JWKS_URL", "jwtJwksUrl"), ("ESPER_JWT_CLOCK_SKEW_SECONDS", "jwtClockSkewSeconds"),
        })
        {
            Assert.Contains($"parameters('{parameter}')", settings[setting], StringComparison.Ordinal);
            Assert.NotNull(parameters[parameter]!["defaultValue"]);
        }

        Assert.Equal("securestring", (string)parameters["jwtSigningKey"]!["type"]!);
        Assert.Equal(60, (int)parameters["jwtClockSkewSeconds"]!["defaultValue"]!);
        Assert.DoesNotContain("ESPER_JWT_DEV_SECRET", settings.Keys);
    }

    [Fact]
    public async Task Every_setting_of_the_local_settings_example_is_wired_in_the_template_or_local_only()
    {
        var template = (await CompileAsync()).ToJsonString();
        var example = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("functions", "Esper.Functions.Azure", "local.settings.example.json")))!;
        // Settings a local run needs but a deployment replaces: the emulator connection strings and the flag that
        // creates tables (the template creates the table).
        string[] localOnly = ["AzureWebJobsStorage", "ESPER_AZURE_TABLES_CONNECTION_STRING", "ESPER_AZURE_TABLES_CREATE_TABLE", "FUNCTIONS_WORKER_RUNTIME"];

        foreach (var (name, _) in example["Values"]!.AsObject())
        {
            Assert.True(localOnly.Contains(name) || template.Contains($"\"{name}\"", StringComparison.Ordinal), $"{name} is not set by main.bicep");
        }
    }

    private static async Task<JsonNode> CompileAsync()
    {
        var (exitCode, output, errors) = await Build.Value;
        Assert.True(exitCode == 0, errors);
        return JsonNode.Parse(output)!;
    }
}
