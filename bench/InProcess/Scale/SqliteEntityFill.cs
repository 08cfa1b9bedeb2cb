using Esper.Storage.Repositories;
using Microsoft.Data.Sqlite;

namespace Esper.Bench.InProcess.Scale;

/// <summary>
/// Fills entity-state counter items straight into the embedded store's tables (one transaction per chunk), at the
/// same keys the runtime uses, with two window counters each (one row per item, its counters as JSON): the only way
/// to reach a million keys inside the suite's time budget (through the store API it is one fsync'd commit per key).
/// </summary>
internal static class SqliteEntityFill
{
    public static void Fill(string databasePath, string tenantId, int from, int to, DateTimeOffset expiresAt)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        // Keys are inserted in key order within each chunk (fewer pages touched); the connection keeps SQLite's
        // default page cache so the process memory reported next to the fill is not the fill's own.
        const int Chunk = 100_000;
        for (var start = from; start < to; start += Chunk)
        {
            using var transaction = connection.BeginTransaction();
            using var item = connection.CreateCommand();
            item.Transaction = transaction;
            item.CommandText = "INSERT OR IGNORE INTO counter_items (pk, sk, expires_at, counters) VALUES ($pk, $sk, $exp, $counters)";
            var itemPk = item.Parameters.Add("$pk", SqliteType.Text);
            var itemSk = item.Parameters.Add("$sk", SqliteType.Text);
            item.Parameters.AddWithValue("$exp", expiresAt.ToUnixTimeMilliseconds());
            item.Parameters.AddWithValue("$counters", """{"wfill000000a_0":1,"wfill000000b_0":1}""");
            var keys = Enumerable.Range(start, Math.Min(to, start + Chunk) - start)
                .Select(i => StorageKeys.EntityState(tenantId, EntityKey(i)))
                .OrderBy(k => k.PartitionKey, StringComparer.Ordinal)
                .ToList();
            foreach (var key in keys)
            {
                itemPk.Value = key.PartitionKey;
                itemSk.Value = key.SortKey;
                item.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The entity key of fill item <paramref name="i"/> (an IP + user agent key the load never sends).</summary>
    public static string EntityKey(int i) => $"ip-user-agent|fill-{i}";
}
