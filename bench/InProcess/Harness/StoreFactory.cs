using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Esper.Storage.AzureTables;
using Esper.Storage.DynamoDb;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Harness;

/// <summary>Creates each store the bench measures, on a fresh table or database file.</summary>
internal static class StoreFactory
{
    public static IKeyValueStore Sqlite(string directory) => Sqlite(directory, out _);

    public static IKeyValueStore Sqlite(string directory, out string path) => Sqlite(directory, SqliteSynchronousMode.Full, out path);

    /// <summary>
    /// The embedded store. The hosts' default is <see cref="SqliteSynchronousMode.Normal"/>; the overloads without a
    /// mode use <see cref="SqliteSynchronousMode.Full"/> (a sync per commit), the stricter setting, for the scale runs.
    /// </summary>
    public static IKeyValueStore Sqlite(string directory, SqliteSynchronousMode synchronous, out string path)
    {
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, $"bench-{Guid.NewGuid():N}.db");
        return new SqliteKeyValueStore(new SqliteStoreOptions { Path = path, Synchronous = synchronous }, TimeProvider.System);
    }

    public static IKeyValueStore DynamoDb(string serviceUrl)
    {
        var options = new DynamoDbStoreOptions
        {
            Region = "us-east-1",
            TableName = $"bench-{Guid.NewGuid():N}",
            ServiceUrl = new Uri(serviceUrl),
            CreateTableIfMissing = true,
        };
        // The local emulator accepts any credentials; these never leave the machine.
#pragma warning disable CA2000 // lives as long as the store
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), DynamoDbKeyValueStore.ClientConfig(options));
#pragma warning restore CA2000
        return DynamoDbKeyValueStore.Create(client, options, TimeProvider.System);
    }

    public static IKeyValueStore AzureTables(string connectionString) =>
        AzureTablesKeyValueStore.Create(new AzureTablesStoreOptions
        {
            ConnectionString = connectionString,
            TableName = $"bench{Guid.NewGuid():N}"[..30],
            CreateTableIfMissing = true,
        }, TimeProvider.System);
}
