using System.Diagnostics;
using System.Globalization;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// What one write-behind checkpoint costs when the counter items it writes are large: busy per-minute results items
/// (one per policy and shard, an hour's counters each) of which each update changes two counters, the shape of the
/// results counters late in an hour. Reports the wall time of each checkpoint, run on this thread with nothing else
/// running, so it is the checkpoint's own work.
/// </summary>
internal static class CheckpointCost
{
    private static readonly string[] Outcomes = ["total", "observe", "challenge", "block", "dry_run"];

    public static async Task<TableResult> RunAsync(string dataDir, int items, int minutes, int rounds)
    {
        var table = new TableResult("Embedded store: one checkpoint of busy per-minute counter items", "inprocess checkpoint --out DIR",
            "round", "items", "counters per item", "updates between checkpoints", "checkpoints", "ms per checkpoint");
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, "checkpoint.db");
        var clock = TimeProvider.System;
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = path, CheckpointInterval = TimeSpan.Zero }, clock);
        var names = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var minute = 0; minute < minutes; minute++)
        {
            foreach (var outcome in Outcomes)
            {
                names[string.Create(CultureInfo.InvariantCulture, $"m{minute:D2}_{outcome}")] = 1;
            }
        }

        var keys = Enumerable.Range(0, items).Select(static i => new ItemKey($"t_bench#results#p{i / 8}#{i % 8}", "h#500000")).ToArray();
        foreach (var key in keys)
        {
            await store.UpdateCountersAsync(key, new CounterUpdate { Add = names });
        }

        store.Checkpoint();
        var current = string.Create(CultureInfo.InvariantCulture, $"m{minutes:D2}_");
        var update = new CounterUpdate { Add = new Dictionary<string, long>(StringComparer.Ordinal) { [current + "total"] = 1, [current + "block"] = 1 } };
        var random = new Random(1);
        const int Checkpoints = 50;
        const int Updates = 100;
        for (var round = 1; round <= rounds; round++)
        {
            var elapsed = TimeSpan.Zero;
            for (var c = 0; c < Checkpoints; c++)
            {
                for (var u = 0; u < Updates; u++)
                {
                    await store.UpdateCountersAsync(keys[random.Next(keys.Length)], update);
                }

                var started = Stopwatch.GetTimestamp();
                store.Checkpoint();
                elapsed += Stopwatch.GetElapsedTime(started);
            }

            table.Row(round, items, names.Count + 2, Updates, Checkpoints, Math.Round(elapsed.TotalMilliseconds / Checkpoints, 2));
        }

        return table;
    }
}
