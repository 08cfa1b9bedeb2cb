using Esper.Storage.ContractTests;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// The store contract on a write-behind store that never checkpoints while it runs: every read, query and condition
/// is answered from the log's in-memory layer over an empty database.
/// </summary>
public sealed class SqliteWriteBehindWithoutCheckpointsContractTests : KeyValueStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock) =>
        new(new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero, MaxLoggedItems = 1_000_000 },
            clock));

    public void Dispose() => _database.Dispose();
}

/// <summary>The store contract on a write-behind store that checkpoints after every operation, so each reads SQLite and layer mixed.</summary>
public sealed class SqliteWriteBehindCheckpointEveryCallContractTests : KeyValueStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock) =>
        new(new CheckpointAfterEveryCall(new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero },
            clock)));

    public void Dispose() => _database.Dispose();
}

/// <summary>The store contract on the direct path (every write commits its own SQLite transaction before it is answered).</summary>
public sealed class SqliteDirectWritesContractTests : KeyValueStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock) =>
        new(new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, WriteBehind = false }, clock));

    public void Dispose() => _database.Dispose();
}
