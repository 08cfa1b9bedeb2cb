using System.Text.Json.Nodes;
using Esper.Functions.Aws.Tests.Runtime;

namespace Esper.Functions.Aws.Tests.Process;

/// <summary>A function process that cannot start reports it on the Runtime API's init error and exits.</summary>
public sealed class FunctionInitTests(Dynalite dynalite) : IClassFixture<Dynalite>
{
    [Fact]
    public async Task Unknown_store_is_reported_as_an_init_error_and_the_process_exits()
    {
        var environment = LambdaProcess.DynamoDbEnvironment(dynalite.ServiceUrl);
        environment["ESPER_STORE"] = "cassandra";
        await using var function = await LambdaProcess.StartAsync(environment);

        var initError = await function.Api.InitErrorAsync();
        var exitCode = await function.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Esper.InitFailed", initError.ErrorType);
        Assert.Contains("ESPER_STORE 'cassandra'", (string)JsonNode.Parse(initError.Body)!["errorMessage"]!, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
        Assert.Equal(0, function.Api.NextCalls);
    }

    [Fact]
    public async Task Missing_table_setting_is_reported_as_an_init_error()
    {
        var environment = LambdaProcess.DynamoDbEnvironment(dynalite.ServiceUrl);
        environment.Remove("ESPER_DYNAMODB_TABLE");
        await using var function = await LambdaProcess.StartAsync(environment);

        var initError = await function.Api.InitErrorAsync();

        Assert.Contains("ESPER_DYNAMODB_TABLE", (string)JsonNode.Parse(initError.Body)!["errorMessage"]!, StringComparison.Ordinal);
        Assert.Equal(1, await function.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
