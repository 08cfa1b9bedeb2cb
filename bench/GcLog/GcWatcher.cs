using System.Diagnostics;
using System.Globalization;

namespace Esper.Bench.GcLog;

/// <summary>
/// Polls <see cref="GC.GetGCMemoryInfo(GCKind)"/> every 2 ms and writes each collection it has not seen yet, per
/// kind (ephemeral, full blocking, background), as one tab-separated line. Two collections of one kind within a poll
/// show as one (the index column says so by skipping).
/// </summary>
internal static class GcWatcher
{
    public static void Run(string path)
    {
        using var writer = new StreamWriter(path, append: false) { AutoFlush = true };
        writer.WriteLine("seen_ms\tindex\tgeneration\tkind\tpause_ms\tpromoted_kb\theap_mb\tcompacted");
        var started = Stopwatch.GetTimestamp();
        var kinds = new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background };
        var last = new long[kinds.Length];
        while (true)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                var info = GC.GetGCMemoryInfo(kinds[k]);
                if (info.Index == 0 || info.Index == last[k])
                {
                    continue;
                }

                last[k] = info.Index;
                var pause = info.PauseDurations.Length > 0 ? info.PauseDurations[0].TotalMilliseconds : 0;
                if (info.PauseDurations.Length > 1)
                {
                    pause += info.PauseDurations[1].TotalMilliseconds;
                }

                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}\t{info.Index}\t{info.Generation}\t{kinds[k]}\t{pause:F2}\t{info.PromotedBytes / 1024}\t{info.HeapSizeBytes / 1048576.0:F1}\t{info.Compacted}"));
            }

            Thread.Sleep(2);
        }
    }
}
