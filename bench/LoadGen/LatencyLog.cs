using System.Diagnostics;

namespace Esper.Bench.LoadGen;

/// <summary>Per-worker latency samples in stopwatch ticks; merged and sorted once at the end (exact percentiles).</summary>
internal sealed class LatencyLog
{
    private readonly List<long> _corrected = new(1 << 14);
    private readonly List<long> _service = new(1 << 14);

    public long Errors { get; set; }

    public void Add(long correctedTicks, long serviceTicks)
    {
        _corrected.Add(correctedTicks);
        _service.Add(serviceTicks);
    }

    public static (long[] Corrected, long[] Service, long Errors) Merge(IEnumerable<LatencyLog> logs)
    {
        var all = logs.ToList();
        var corrected = all.SelectMany(l => l._corrected).ToArray();
        var service = all.SelectMany(l => l._service).ToArray();
        Array.Sort(corrected);
        Array.Sort(service);
        return (corrected, service, all.Sum(l => l.Errors));
    }

    public static double PercentileMs(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
