using Esper.Storage.ContractTests;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>Runs the shared store contract against the embedded SQLite store, each test on its own database file.</summary>
public sealed class SqliteKeyValueStoreContractTests : KeyValueStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock) =>
        new(new SqliteKeyValueStore(_database.FilePath, clock));

    public void Dispose() => _database.Dispose();
}
