using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Brings a database file to <see cref="SqliteSchema.Version"/> inside the open-time write transaction: a new file gets
/// the tables, a version-1 file has its counters moved into their items' rows, a current file is left as it is.
/// </summary>
internal static class SqliteSchemaMigration
{
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        var version = Scalar(connection, transaction, "PRAGMA user_version");
        if (version > SqliteSchema.Version)
        {
            throw new InvalidOperationException(
                $"The database file has schema version {version}, newer than this store's {SqliteSchema.Version}; open it with a newer Esper.");
        }

        if (version == SqliteSchema.Version)
        {
            return;
        }

        if (version == 1)
        {
            Execute(connection, transaction, SqliteSchema.MigrateFrom1);
        }

        Execute(connection, transaction, SqliteSchema.Create);
        Execute(connection, transaction, $"PRAGMA user_version = {SqliteSchema.Version}");
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
