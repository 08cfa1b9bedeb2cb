using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>One open connection with its per-connection settings and its prepared statements, reused across operations.</summary>
internal sealed partial class SqliteSession : IDisposable
{
    private const long WalSizeLimit = 64L * 1024 * 1024;

    /// <summary>
    /// WAL pages after which a commit also copies the log into the database file (SQLite's automatic checkpoint):
    /// 8192 pages, 32 MiB at the default page size, instead of SQLite's 1000. A checkpoint of a few thousand rows
    /// dirties about as many pages, so with 1000 every commit paid a WAL checkpoint (its copy and fsync); pages written
    /// again before the next one are copied once.
    /// </summary>
    public const int WalAutoCheckpointPages = 8192;

    /// <summary>
    /// The page cache of the write-behind checkpoint's own session, in KiB (32 MiB; SQLite's default is 2 MiB). That
    /// session is the only writer of the file, so its cache stays valid from one checkpoint to the next and holds the
    /// index pages a random key lands in, where 2 MiB made most inserts read their page back from the file.
    /// </summary>
    public const int CheckpointCacheKib = 32 * 1024;

    private static readonly int StatementCount = Enum.GetValues<SqliteStatement>().Length;

    private readonly SqliteCommand?[] _commands = new SqliteCommand?[StatementCount];

    private readonly SqliteRawStatement?[] _raw = new SqliteRawStatement?[StatementCount];

    private SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    public static SqliteSession Open(string connectionString, SqliteStoreOptions options)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // busy_timeout makes SQLite itself wait for a lock held by another connection or process (instead of
            // failing at once); synchronous decides when a commit is on disk (see SqliteSynchronousMode);
            // journal_size_limit shrinks the write-ahead log back after a burst instead of keeping its peak size;
            // wal_autocheckpoint is WalAutoCheckpointPages.
            var synchronous = options.Synchronous == SqliteSynchronousMode.Normal ? "NORMAL" : "FULL";
            var busyMs = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            Execute(connection, $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = {synchronous}; PRAGMA journal_size_limit = {WalSizeLimit}; PRAGMA wal_autocheckpoint = {WalAutoCheckpointPages};");
            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The prepared command of <paramref name="statement"/>, enlisted in <paramref name="transaction"/> (or none).</summary>
    public SqliteCommand Command(SqliteStatement statement, SqliteTransaction? transaction = null)
    {
        var command = _commands[(int)statement] ??= Prepare(statement);
        SqliteStoreMetrics.CountStatement(statement, InCheckpoint);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// <paramref name="statement"/> prepared for SQLite's own API (<see cref="SqliteRawStatement"/>): for the statements
    /// run once per item, where the provider's per-run work costs as much as SQLite's.
    /// </summary>
    public SqliteRawStatement Raw(SqliteStatement statement)
    {
        var prepared = _raw[(int)statement] ??= SqliteRawStatement.Prepare(Connection, SqliteSql.Text(statement));
        SqliteStoreMetrics.CountStatement(statement, InCheckpoint);
        return prepared;
    }

    /// <summary>Starts a write transaction that takes the write lock up front (BEGIN IMMEDIATE), so it never has to upgrade later.</summary>
    public SqliteTransaction BeginWrite() => Connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);

    /// <summary>
    /// Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction and commits it, or rolls it back when anything
    /// throws. The transaction statements are prepared once, like every other statement of the session: that
    /// saves tens of microseconds per write over SqliteTransaction, which compiles BEGIN and COMMIT every time.
    /// </summary>
    public T InWriteTransaction<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, T> work)
    {
        if (InGroupTransaction)
        {
            // Inside a group commit the transaction is already open (and holds the write lock) and the group's
            // COMMIT makes this work durable. On the group's first attempt the work runs bare: should it throw, the
            // whole group is rolled back and run again with GroupSavepoints set, where a savepoint gives each work
            // its own all-or-nothing scope.
            return GroupSavepoints ? InSavepoint(args, work) : work(this, args);
        }

        Command(SqliteStatement.BeginImmediate).ExecuteNonQuery();
        try
        {
            var result = work(this, args);
            Command(SqliteStatement.Commit).ExecuteNonQuery();
            return result;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>True while this session writes a checkpoint (or a replay of the log): its statements are counted as the checkpoint's.</summary>
    public bool InCheckpoint { get; set; }

    /// <summary>True while this session runs a group of writes inside one BEGIN IMMEDIATE … COMMIT.</summary>
    public bool InGroupTransaction { get; set; }

    /// <summary>True while a group runs each write in its own savepoint (the retry after a write of the group threw).</summary>
    public bool GroupSavepoints { get; set; }

    /// <summary>
    /// Runs <paramref name="work"/> inside a SAVEPOINT of the open transaction: released when it returns, rolled back
    /// to (undoing only this work) when it throws. Savepoints nest, so one name serves every level.
    /// </summary>
    public T InSavepoint<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, T> work)
    {
        Command(SqliteStatement.Savepoint).ExecuteNonQuery();
        T result;
        try
        {
            result = work(this, args);
        }
        catch
        {
            // ROLLBACK TO keeps the savepoint open, so it is released afterwards. When either fails, SQLite has
            // already rolled back the whole transaction (it does on some errors); IsTransactionOpen tells the caller.
            try
            {
                Command(SqliteStatement.RollbackToSavepoint).ExecuteNonQuery();
                Command(SqliteStatement.ReleaseSavepoint).ExecuteNonQuery();
            }
            catch (SqliteException)
            {
            }

            throw;
        }

        Command(SqliteStatement.ReleaseSavepoint).ExecuteNonQuery();
        return result;
    }

    /// <summary>False once SQLite has ended the transaction itself (it rolls back on some errors, e.g. I/O or disk full).</summary>
    public bool IsTransactionOpen => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>Rolls back the open transaction, if SQLite has not already done so.</summary>
    public void RollbackQuietly() => Rollback();

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command?.Dispose();
        }

        // Finalized before the connection closes, which would otherwise stay open (a zombie) until they are.
        foreach (var statement in _raw)
        {
            statement?.Dispose();
        }

        Connection.Dispose();
    }

    private void Rollback()
    {
        try
        {
            Command(SqliteStatement.Rollback).ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back itself (it does on some errors); nothing is left open.
        }
    }

    private SqliteCommand Prepare(SqliteStatement statement)
    {
        var command = Connection.CreateCommand();
        command.CommandText = SqliteSql.Text(statement);
        foreach (var name in ParameterPattern().Matches(command.CommandText).Select(static m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    [GeneratedRegex(@"\$[a-z_]+")]
    private static partial Regex ParameterPattern();
}
