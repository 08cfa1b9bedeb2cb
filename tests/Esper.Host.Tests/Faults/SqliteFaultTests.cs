using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// The faults on the embedded store. The outage is the database locked by another process's connection holding
/// <c>BEGIN EXCLUSIVE</c> (here the test's own connection to the same file): every write of the host waits its busy
/// timeout (one second here) and fails with SQLITE_BUSY, then succeeds once the lock is released. Making the file
/// read-only is no fault for a host running as root (root ignores file permissions).
/// </summary>
public sealed class SqliteFaultTests(ITestOutputHelper output) : StoreFaultTests(output), IDisposable
{
    private SqliteConnection? _lock;

    protected override string StoreName => "SQLite";

    public void Dispose() => _lock?.Dispose();

    internal override IReadOnlyDictionary<string, string> StoreSettings() => new Dictionary<string, string>
    {
        ["ESPER_STORE"] = "sqlite",
        [SqliteStoreSettings.BusyTimeout] = "1000",
    };

    internal override Task BreakStoreAsync()
    {
        _lock = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteStoreOptions.PathIn(DataDir), Pooling = false, DefaultTimeout = 30 }.ToString());
        _lock.Open();

        // The host writes all the time: wait for a turn at the lock, then keep it until the repair.
        Execute("PRAGMA busy_timeout = 30000;");
        Execute("BEGIN EXCLUSIVE;");
        return Task.CompletedTask;
    }

    internal override Task RepairStoreAsync()
    {
        Execute("ROLLBACK;");
        _lock!.Dispose();
        _lock = null;
        return Task.CompletedTask;
    }

    private void Execute(string sql)
    {
        using var command = _lock!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
