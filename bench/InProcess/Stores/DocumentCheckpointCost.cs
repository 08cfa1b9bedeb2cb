using System.Diagnostics;
using System.Globalization;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// What a write-behind checkpoint costs per document row, in the shape decisions write them: each decision a record
/// under a time-ordered key (appended at the end of its partition) and an idempotency item under a random key
/// (inserted anywhere in the index), about 700 bytes each. Reports the process CPU of the checkpoints, run on this
/// thread with nothing else running, divided by the rows they wrote; the file grows round after round as a host's does.
/// </summary>
internal static class DocumentCheckpointCost
{
    public static async Task<TableResult> RunAsync(string dataDir, int decisionsPerCheckpoint, int checkpoints, int rounds)
    {
        var table = new TableResult("Embedded store: a checkpoint's document rows", "inprocess checkpoint-documents --out DIR",
            "round", "rows in the file before", "rows per checkpoint", "checkpoints", "CPU µs per row", "ms per checkpoint");
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, "documents.db");
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = path, CheckpointInterval = TimeSpan.Zero }, TimeProvider.System);
        var random = new Random(1);
        var padding = new string('x', 560);
        var sequence = 0L;
        var rows = 0L;
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30);

        async Task WriteDecisionsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{sequence++:D12}{random.Next():x8}");
                var record = string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","decision":"allow","matches":[],"pad":"{{padding}}"}""");
                await store.PutAsync(new ItemKey("t_bench#decisions#20261208", "d#" + id), record, WriteCondition.None, expiresAt);
                var idem = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()));
                await store.PutAsync(new ItemKey("t_bench#idem#" + idem, "answer"), record, WriteCondition.IfAbsent, expiresAt.AddDays(-29));
            }

            rows += 2L * count;
        }

        // A file that already holds rows, as a host's does after a while.
        for (var i = 0; i < 20; i++)
        {
            await WriteDecisionsAsync(decisionsPerCheckpoint);
            store.Checkpoint();
        }

        for (var round = 1; round <= rounds; round++)
        {
            var before = rows;
            var cpu = TimeSpan.Zero;
            var elapsed = TimeSpan.Zero;
            for (var c = 0; c < checkpoints; c++)
            {
                await WriteDecisionsAsync(decisionsPerCheckpoint);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                store.Checkpoint();
                elapsed += Stopwatch.GetElapsedTime(started);
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            }

            var written = 2.0 * decisionsPerCheckpoint * checkpoints;
            table.Row(round, before, 2 * decisionsPerCheckpoint, checkpoints, Math.Round(cpu.TotalMicroseconds / written, 2), Math.Round(elapsed.TotalMilliseconds / checkpoints, 2));
        }

        return table;
    }
}
