namespace Esper.Bench.LoadGen;

/// <summary>The raw figures of one load run, written as JSON next to the markdown report.</summary>
internal sealed class LoadResult
{
    public required string Label { get; init; }
    public required string Mode { get; init; }
    public required string Generator { get; init; }
    public required int Connections { get; init; }
    public required double TargetRate { get; init; }
    public required double Seconds { get; init; }
    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required double Rps { get; init; }
    public required double P50Ms { get; init; }
    public required double P90Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double P999Ms { get; init; }
    public required double MaxMs { get; init; }
    public required double ServiceP50Ms { get; init; }
    public required double ServiceP99Ms { get; init; }

    public static LoadResult From(LoadOptions options, double seconds, long[] corrected, long[] service, long errors) => new()
    {
        Label = options.Label,
        Mode = options.Mode,
        Generator = "esper-loadgen",
        Connections = options.Connections,
        TargetRate = options.Rate,
        Seconds = Math.Round(seconds, 3),
        Requests = corrected.Length,
        Errors = errors,
        Rps = Math.Round(corrected.Length / seconds, 1),
        P50Ms = Round(LatencyLog.PercentileMs(corrected, 0.50)),
        P90Ms = Round(LatencyLog.PercentileMs(corrected, 0.90)),
        P99Ms = Round(LatencyLog.PercentileMs(corrected, 0.99)),
        P999Ms = Round(LatencyLog.PercentileMs(corrected, 0.999)),
        MaxMs = Round(LatencyLog.PercentileMs(corrected, 1.0)),
        ServiceP50Ms = Round(LatencyLog.PercentileMs(service, 0.50)),
        ServiceP99Ms = Round(LatencyLog.PercentileMs(service, 0.99)),
    };

    private static double Round(double ms) => Math.Round(ms, 3);
}
