using System.Text;
using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Esper.Storage.Sqlite;

/// <summary>
/// One statement prepared once on a session's connection and run through SQLite's own API, bound by position: for
/// the statements run once per item (a checkpoint's document rows, the request path's point reads). Through
/// <see cref="SqliteCommand"/> each run created a data reader and an enumerator, looked every parameter up by name
/// in SQLite and allocated a binder per parameter, which cost about as much as SQLite's own work for a row.
/// </summary>
/// <remarks>
/// Only for statements that never meet a busy lock: writes inside a transaction that holds the write lock, and WAL
/// reads (which take no lock a writer holds). SQLite's busy_timeout still applies; an error throws the same
/// <see cref="SqliteException"/> as the provider would. Used by one thread at a time, like its session.
/// </remarks>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string[] _names;

    private SqliteRawStatement(sqlite3 database, sqlite3_stmt statement, string[] names)
    {
        _database = database;
        _statement = statement;
        _names = names;
    }

    public static SqliteRawStatement Prepare(SqliteConnection connection, string sql)
    {
        var database = connection.Handle!;
        var rc = raw.sqlite3_prepare_v3(database, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _);
        SqliteException.ThrowExceptionForRC(rc, database);
        var names = new string[raw.sqlite3_bind_parameter_count(statement)];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = raw.sqlite3_bind_parameter_name(statement, i + 1).utf8_to_string();
        }

        return new SqliteRawStatement(database, statement, names);
    }

    /// <summary>Binds <paramref name="value"/> as text (UTF-16, converted by SQLite; no managed copy).</summary>
    public SqliteRawStatement Bind(string name, string value)
    {
        Check(raw.sqlite3_bind_text16(_statement, Index(name), value));
        return this;
    }

    /// <summary>Binds <paramref name="value"/> as a blob.</summary>
    public SqliteRawStatement Bind(string name, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, Index(name), value));
        return this;
    }

    /// <summary>Binds <paramref name="value"/> as an integer, or NULL.</summary>
    public SqliteRawStatement Bind(string name, long? value)
    {
        var index = Index(name);
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    public SqliteRawStatement BindKey(ItemKey key)
    {
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentNullException.ThrowIfNull(key.SortKey, nameof(key));
        return Bind("$pk", key.PartitionKey).Bind("$sk", key.SortKey);
    }

    /// <summary>Runs a statement that returns no rows; returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc, _database);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps to the first row: true when there is one (read it, then <see cref="Reset"/>), false when none.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return false;
    }

    public string GetString(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, column));

    public long? GetInt64OrNull(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, column);

    /// <summary>Ends a read started by <see cref="Step"/>, releasing what SQLite holds for it.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public void Dispose() => _statement.Dispose();

    private int Index(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _database);
}
