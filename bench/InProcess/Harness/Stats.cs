namespace Esper.Bench.InProcess.Harness;

/// <summary>Exact percentiles over a small sample.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var index = (int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);
}
