using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>Opening a database: its connection string, its directory, WAL mode and its tables.</summary>
internal static class SqliteDatabase
{
    public static string ConnectionString(SqliteStoreOptions options)
    {
        var builder = options.ConnectionString is null
            ? new SqliteConnectionStringBuilder { DataSource = options.Path, Mode = SqliteOpenMode.ReadWriteCreate }
            : new SqliteConnectionStringBuilder(options.ConnectionString);

        // The store keeps its own connections open and reuses them; the provider's pool would only delay closing files.
        builder.Pooling = false;

        // The provider retries a busy statement until its own command timeout (30 s by default) after SQLite's
        // busy_timeout gave up; aligning both makes BusyTimeout the real limit.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        var file = builder.DataSource;

        // Each connection of the store would get its own private database: the tables made on open would be missing
        // from the next connection and nothing would be shared or kept.
        if (builder.Mode == SqliteOpenMode.Memory || file.Length == 0 || file == ":memory:")
        {
            throw new ArgumentException("The SQLite store needs a database file; in-memory and temporary databases are not supported.", nameof(options));
        }

        if (!file.StartsWith("file:", StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        return builder.ToString();
    }

    /// <summary>The database file a connection string names, as an absolute path (a <c>file:</c> URI's path without its query).</summary>
    public static string FilePath(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file.StartsWith("file:", StringComparison.Ordinal))
        {
            file = file["file:".Length..];
            var query = file.IndexOf('?', StringComparison.Ordinal);
            file = Uri.UnescapeDataString(query < 0 ? file : file[..query]);
        }

        return Path.GetFullPath(file);
    }

    public static void Initialize(SqliteSessionPool pool)
    {
        var session = pool.Rent();
        try
        {
            // WAL is a property of the file (set once, kept): readers never block the writer and a commit
            // appends to the log instead of rewriting pages, which is what makes FULL sync affordable.
            SqliteSession.Execute(session.Connection, "PRAGMA journal_mode = WAL;");
            using var transaction = session.BeginWrite();
            SqliteSchemaMigration.Apply(session.Connection, transaction);
            transaction.Commit();
        }
        finally
        {
            pool.Return(session);
        }
    }
}
