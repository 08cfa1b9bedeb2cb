using System.Text.Json;
using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>The files of a database as a crash would leave them, and what they hold.</summary>
internal static class LogFiles
{
    /// <summary>The log segments beside <paramref name="databasePath"/>, oldest first.</summary>
    public static string[] Segments(string databasePath) =>
        [.. Directory.EnumerateFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "-log.*").Order(StringComparer.Ordinal)];

    /// <summary>
    /// Copies the database, its SQLite WAL and its log segments, as they are while the owning store still runs (no
    /// write in flight), into <paramref name="directory"/>: what a process killed at this moment leaves on disk.
    /// </summary>
    public static string CrashCopy(string databasePath, string directory)
    {
        Directory.CreateDirectory(directory);
        var name = Path.GetFileName(databasePath);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(databasePath)!, name + "*"))
        {
            var fileName = Path.GetFileName(file);
            if (!fileName.EndsWith("-shm", StringComparison.Ordinal) && !fileName.EndsWith(".lock", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(directory, fileName));
            }
        }

        return Path.Combine(directory, name);
    }

    /// <summary>Rows in the items and counter_items tables, read with a connection of its own (what SQLite itself holds).</summary>
    public static (long Items, long CounterItems) Rows(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM counter_items)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// The counters the row of <paramref name="key"/> holds, parsed as JSON (null when there is no row), read with a
    /// connection of its own.
    /// </summary>
    public static Dictionary<string, long>? CounterRow(string databasePath, ItemKey key)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT counters FROM counter_items WHERE pk = $pk AND sk = $sk";
        command.Parameters.AddWithValue("$pk", key.PartitionKey);
        command.Parameters.AddWithValue("$sk", key.SortKey);
        return command.ExecuteScalar() is string json
            ? JsonSerializer.Deserialize<Dictionary<string, long>>(json)
            : null;
    }
}
