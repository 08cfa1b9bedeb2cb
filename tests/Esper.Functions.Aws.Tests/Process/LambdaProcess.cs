using Esper.Functions.Aws.Tests.Runtime;

namespace Esper.Functions.Aws.Tests.Process;

/// <summary>
/// The built "bootstrap" executable started the way Lambda starts a provided.al2023 function: as a process with
/// AWS_LAMBDA_RUNTIME_API pointing at a Runtime API (here <see cref="FakeRuntimeApi"/> on loopback).
/// </summary>
internal sealed class LambdaProcess : IAsyncDisposable
{
    /// <summary>A bootstrap admin key of the default tenant (the shape the API issues).</summary>
    public const string AdminKey = "esk_default_0123456789abcdef0123456789abcdef0123456789abcdef";

    private LambdaProcess(FakeRuntimeApi api, ChildProcess process)
    {
        Api = api;
        Process = process;
    }

    public FakeRuntimeApi Api { get; }

    public ChildProcess Process { get; }

    /// <summary>Environment of a function on DynamoDB (a fresh table on <paramref name="dynamoDb"/>).</summary>
    public static Dictionary<string, string> DynamoDbEnvironment(Uri dynamoDb) => new()
    {
        ["ESPER_STORE"] = "dynamodb",
        ["ESPER_DYNAMODB_TABLE"] = "esper-" + Guid.NewGuid().ToString("N"),
        ["ESPER_DYNAMODB_SERVICE_URL"] = dynamoDb.ToString(),
        ["ESPER_DYNAMODB_CREATE_TABLE"] = "true",
        ["AWS_REGION"] = "us-east-1",
        // dynalite checks that requests are signed, not by whom.
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
        ["ESPER_BOOTSTRAP_ADMIN_KEY"] = AdminKey,
    };

    public static async Task<LambdaProcess> StartAsync(Dictionary<string, string> environment)
    {
        var api = await FakeRuntimeApi.StartAsync();
        environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        var bootstrap = RepositoryPaths.Bootstrap();
        if (!File.Exists(bootstrap))
        {
            throw new InvalidOperationException($"{bootstrap} is missing: build functions/Esper.Functions.Aws first.");
        }

        return new LambdaProcess(api, ChildProcess.Start(bootstrap, [], environment));
    }

    public async ValueTask DisposeAsync()
    {
        Process.Dispose();
        await Api.DisposeAsync();
    }
}
