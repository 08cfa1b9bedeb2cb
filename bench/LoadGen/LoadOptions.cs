using System.Globalization;

namespace Esper.Bench.LoadGen;

/// <summary>Command-line options of one load run. Every run is bounded in time and in request count.</summary>
internal sealed class LoadOptions
{
    public required string Mode { get; init; }
    public required Uri Url { get; init; }
    public string Label { get; init; } = "target";
    public string? ApiKey { get; init; }
    public int Connections { get; init; } = 32;
    public double DurationSeconds { get; init; } = 8;
    public double WarmupSeconds { get; init; } = 1;
    public double Rate { get; init; }
    public long MaxRequests { get; init; } = 2_000_000;
    public int DistinctIps { get; init; } = 50_000;
    public int Seed { get; init; } = 7;

    /// <summary>
    /// Plain GETs (a proxy in front of an app, as bench/wrk/proxy.lua sends) instead of runtime event POSTs: one of a
    /// few paths under the URL, each with one of <see cref="DistinctIps"/> user agents. Option <c>--gets 1</c>.
    /// </summary>
    public bool Gets { get; init; }
    public string? Output { get; init; }

    public static LoadOptions Parse(string mode, string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        double D(string name, double fallback) => double.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var url = new Uri(Get("url", "http://127.0.0.1:5080/api/v1/runtime/mitigation"));
        if (!url.IsLoopback)
        {
            throw new ArgumentException("the load generator only targets loopback addresses");
        }

        return new LoadOptions
        {
            Mode = mode,
            Url = url,
            Label = Get("label", "target"),
            ApiKey = values.GetValueOrDefault("api-key"),
            Connections = (int)D("connections", 32),
            DurationSeconds = Math.Min(D("duration", 8), 120),
            WarmupSeconds = Math.Min(D("warmup", 1), 30),
            Rate = D("rate", 0),
            MaxRequests = (long)D("max-requests", 2_000_000),
            DistinctIps = (int)D("ips", 50_000),
            Seed = (int)D("seed", 7),
            Output = values.GetValueOrDefault("out"),
            Gets = Get("gets", "0") == "1",
        };
    }
}
