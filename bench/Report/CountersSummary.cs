using System.Globalization;

namespace Esper.Bench.Report;

/// <summary>
/// Summarises a <c>dotnet-counters collect --format csv</c> file of the System.Runtime meter (one sample a second):
/// garbage collections by generation, the time the GC paused the process (in total, per collection and the worst
/// second), allocation rate, CPU, lock contention and the thread pool, on one line.
/// </summary>
internal static class CountersSummary
{
    public static string Summarise(string path)
    {
        var sums = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; names hold no commas.
            var cells = line.Split(',');
            if (cells.Length < 5 || !double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var name = cells[2];
            if (!sums.TryGetValue(name, out var values))
            {
                sums[name] = values = [];
            }

            values.Add(value);
        }

        double Sum(string prefix) => sums.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.Value.Sum());
        double Max(string prefix) => sums.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(p => p.Value).DefaultIfEmpty(0).Max();
        double Gen(string generation) => Sum($"dotnet.gc.collections ({{collection}} / 1 sec)[gc.heap.generation={generation}]");

        var seconds = sums.Where(p => p.Key.StartsWith("dotnet.gc.pause.time", StringComparison.Ordinal)).Select(p => p.Value.Count).DefaultIfEmpty(0).Max();
        var collections = Gen("gen0") + Gen("gen1") + Gen("gen2");
        var pauseMs = Sum("dotnet.gc.pause.time") * 1000;
        var label = Path.GetFileNameWithoutExtension(path).Replace("counters-", "", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture,
            $"{label,-17} {seconds} s: GCs gen0 {Gen("gen0"):F0} gen1 {Gen("gen1"):F0} gen2 {Gen("gen2"):F0}, paused {pauseMs:F1} ms " +
            $"({(collections > 0 ? pauseMs / collections : 0):F1} ms a GC, worst second {Max("dotnet.gc.pause.time") * 1000:F1} ms), " +
            $"allocated {Sum("dotnet.gc.heap.total_allocated") / Math.Max(1, seconds) / 1e6:F1} MB/s, " +
            $"CPU {Sum("dotnet.process.cpu.time") / Math.Max(1, seconds):F2} s/s, lock contentions {Sum("dotnet.monitor.lock_contentions"):F0}, " +
            $"thread-pool items {Sum("dotnet.thread_pool.work_item.count") / Math.Max(1, seconds):F0}/s (queue up to {Max("dotnet.thread_pool.queue.length"):F0})\n")
            + StoreLine(sums);
    }

    // The embedded store's meter (Esper.Storage.Sqlite): each histogram's worst second, as "p50/p99 ms" (dotnet-counters
    // publishes the 50th, 95th and 99th percentiles of each second), and how many seconds it was recorded in.
    private static string StoreLine(Dictionary<string, List<double>> sums)
    {
        var parts = sums.Keys
            .Where(name => name.StartsWith("esper.sqlite.", StringComparison.Ordinal) && name.EndsWith("[Percentile=99]", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var instrument = name[..name.IndexOf(' ', StringComparison.Ordinal)];
                var p50 = sums.FirstOrDefault(p => p.Key.StartsWith(instrument + " ", StringComparison.Ordinal) && p.Key.EndsWith("[Percentile=50]", StringComparison.Ordinal)).Value ?? [0];
                return string.Create(CultureInfo.InvariantCulture,
                    $"{instrument["esper.sqlite.".Length..]} {p50.Max():F2}/{sums[name].Max():F2} ({sums[name].Count} s)");
            })
            .ToList();
        return parts.Count == 0 ? "" : "  store, worst second p50/p99 ms: " + string.Join("; ", parts) + "\n";
    }
}
