using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>Binds the values of a prepared command (its parameters already exist) and reads rows back.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets <paramref name="name"/> when the statement has it; the statements of one operation share a binding sequence.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var index = command.Parameters.IndexOf(name);
        if (index >= 0)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    public static SqliteCommand BindKey(this SqliteCommand command, ItemKey key)
    {
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentNullException.ThrowIfNull(key.SortKey, nameof(key));
        return command.Bind("$pk", key.PartitionKey).Bind("$sk", key.SortKey);
    }

    public static long? ToUnixMilliseconds(this DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset? GetExpiry(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    /// <summary>The counters of the counter item the command reads (one row of its <c>counters</c>); empty when no row.</summary>
    public static Dictionary<string, long> ReadCounters(this SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? CounterJson.Read(reader.GetString(0)) : new Dictionary<string, long>(StringComparer.Ordinal);
    }
}
