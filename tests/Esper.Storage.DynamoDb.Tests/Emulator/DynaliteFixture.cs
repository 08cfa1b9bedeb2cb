using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Esper.Storage.Testing;

namespace Esper.Storage.DynamoDb.Tests.Emulator;

/// <summary>
/// A dynalite endpoint for the whole test assembly: the one in ESPER_TEST_DYNAMODB_URL (started by test.sh), or
/// one started here from node_modules. Each store gets a table of its own.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    public const string UrlVariable = "ESPER_TEST_DYNAMODB_URL";
    public const string Region = "us-east-1";

    private EmulatorProcess? emulator;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>A client with fixed dummy credentials: dynalite checks that requests are signed, not by whom.</summary>
    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string? url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            emulator = await EmulatorProcess.StartAsync(
                "dynalite",
                port => ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"]);
            url = $"http://127.0.0.1:{emulator.Port}";
        }

        ServiceUrl = new Uri(url);
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), DynamoDbKeyValueStore.ClientConfig(Options("unused")));
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        emulator?.Dispose();
        return Task.CompletedTask;
    }

    public DynamoDbStoreOptions Options(string tableName, bool createTable = true) => new()
    {
        Region = Region,
        TableName = tableName,
        ServiceUrl = ServiceUrl,
        CreateTableIfMissing = createTable,
    };

    /// <summary>A store on a fresh table (created on first use).</summary>
    public IKeyValueStore CreateStore(TimeProvider timeProvider, out string tableName)
    {
        tableName = NewTableName();
        return DynamoDbKeyValueStore.Create(Client, Options(tableName), timeProvider);
    }

    public static string NewTableName() => "esper-" + Guid.NewGuid().ToString("N");
}
