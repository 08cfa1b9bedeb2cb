using Azure.Data.Tables;
using Esper.Storage.Testing;

namespace Esper.Storage.AzureTables.Tests.Emulator;

/// <summary>
/// An Azurite table endpoint for the whole test assembly: the one in ESPER_TEST_AZURE_TABLES_CONNECTION (started by
/// test.sh), or one started here from node_modules. Each store gets a table of its own.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "ESPER_TEST_AZURE_TABLES_CONNECTION";

    /// <summary>Azurite's well-known development account key: public, and valid only against the emulator.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private EmulatorProcess? emulator;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string? connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            // Telemetry off: the emulator must not reach out of the machine.
            emulator = await EmulatorProcess.StartAsync(
                "azurite-table",
                port => ["--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck", "--loose", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            connection = ConnectionStringFor(emulator.Port);
        }

        ConnectionString = connection;
    }

    /// <summary>The connection string of an Azurite table service on <paramref name="port"/> of the loopback address.</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public Task DisposeAsync()
    {
        emulator?.Dispose();
        return Task.CompletedTask;
    }

    public AzureTablesStoreOptions Options(string tableName, bool createTable = true) => new()
    {
        ConnectionString = ConnectionString,
        TableName = tableName,
        CreateTableIfMissing = createTable,
    };

    /// <summary>A store on a fresh table (created on first use).</summary>
    public IKeyValueStore CreateStore(TimeProvider timeProvider, out TableClient table)
    {
        var options = Options(NewTableName());
        table = new TableClient(ConnectionString, options.TableName);
        return AzureTablesKeyValueStore.Create(table, options, timeProvider);
    }

    /// <summary>Table names are 3-63 letters and digits starting with a letter.</summary>
    public static string NewTableName() => "esper" + Guid.NewGuid().ToString("N");
}
