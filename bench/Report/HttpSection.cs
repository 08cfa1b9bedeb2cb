using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Esper.Bench.Report;

/// <summary>
/// The HTTP path: alternating closed-loop rounds of Esper and the bare endpoint (medians over rounds, so one
/// noisy round cannot decide the ratio), then one fixed-rate run of each at half of Esper's peak.
/// </summary>
internal static class HttpSection
{
    public static void Write(string rawDir, StringBuilder md, List<Check> checks)
    {
        var peaks = Directory.GetFiles(rawDir, "http-peak-*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
        var rates = Directory.GetFiles(rawDir, "http-rate-*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
        md.AppendLine("## HTTP path: Esper runtime endpoint vs bare Kestrel endpoint\n");
        if (peaks.Count == 0)
        {
            md.AppendLine("Not run (see the run log).\n");
            return;
        }

        md.AppendLine("Peak (closed loop, alternating rounds A B A B …):\n");
        md.AppendLine("| round | target | generator | connections | req/s | p50 ms | p99 ms | errors |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        var round = 0;
        foreach (var p in peaks)
        {
            round += p.Label == "esper" ? 1 : 0;
            md.AppendLine(Invariant($"| {round} | {p.Label} | {p.Generator} | {p.Connections} | {p.Rps:F0} | {p.P50:F3} | {p.P99:F3} | {p.Errors}/{p.Requests} |"));
        }

        var esper = Median(peaks, "esper", r => r.Rps);
        var bare = Median(peaks, "bare", r => r.Rps);
        var ratio = bare > 0 ? esper / bare : double.NaN;
        md.AppendLine();
        md.AppendLine(Invariant($"Median peak: Esper **{esper:F0} req/s** (p50 {Median(peaks, "esper", r => r.P50):F3} ms, p99 {Median(peaks, "esper", r => r.P99):F3} ms), bare **{bare:F0} req/s** (p50 {Median(peaks, "bare", r => r.P50):F3} ms, p99 {Median(peaks, "bare", r => r.P99):F3} ms): ratio **{ratio:P0}**.\n"));
        var tmpfs = Median(peaks, "esper-tmpfs", r => r.Rps);
        if (!double.IsNaN(tmpfs))
        {
            md.AppendLine(Invariant($"Diagnostic: the same host with its database on tmpfs (a commit's sync costs nothing): **{tmpfs:F0} req/s** (p50 {Median(peaks, "esper-tmpfs", r => r.P50):F3} ms, p99 {Median(peaks, "esper-tmpfs", r => r.P99):F3} ms), {tmpfs / bare:P0} of bare.\n"));
        }

        var memstore = Median(peaks, "esper-memstore", r => r.Rps);
        if (!double.IsNaN(memstore))
        {
            md.AppendLine(Invariant($"Diagnostic: the host over an in-memory store (bench/MemStoreHost; the store costs almost nothing, so this is the ceiling of everything else on the path): **{memstore:F0} req/s** (p50 {Median(peaks, "esper-memstore", r => r.P50):F3} ms, p99 {Median(peaks, "esper-memstore", r => r.P99):F3} ms), {memstore / bare:P0} of bare.\n"));
        }

        var noKey = Median(peaks, "esper-nokey", r => r.Rps);
        if (!double.IsNaN(noKey))
        {
            md.AppendLine(Invariant($"The same Esper host, bodies without an idempotency key: **{noKey:F0} req/s** (p50 {Median(peaks, "esper-nokey", r => r.P50):F3} ms, p99 {Median(peaks, "esper-nokey", r => r.P99):F3} ms), {noKey / bare:P0} of bare.\n"));
            checks.Add(new Check("HTTP throughput without idempotency keys, Esper / bare", Invariant($"{noKey / bare:P0} ({noKey:F0} / {bare:F0} req/s)"), "≥ 50%", noKey / bare >= 0.5));
        }

        checks.Add(new Check("HTTP throughput, Esper / bare", Invariant($"{ratio:P0} ({esper:F0} / {bare:F0} req/s)"), "≥ 50%", double.IsNaN(ratio) ? null : ratio >= 0.5));

        if (rates.Count > 0)
        {
            md.AppendLine("Fixed rate (wrk2-style: latency counted from when each request was due):\n");
            md.AppendLine("| target | rate req/s | achieved req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | service p99 ms | errors |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in rates)
            {
                md.AppendLine(Invariant($"| {r.Label} | {r.TargetRate:F0} | {r.Rps:F0} | {r.P50:F3} | {r.P90:F3} | {r.P99:F3} | {r.P999:F3} | {r.ServiceP99:F3} | {r.Errors}/{r.Requests} |"));
            }

            md.AppendLine();
            var esperRate = rates.Where(r => r.Label == "esper").ToList();
            if (esperRate.Count > 0)
            {
                var p99 = esperRate.Select(r => r.P99).Order().ElementAt(esperRate.Count / 2);
                checks.Add(new Check("HTTP p99 at half of Esper's peak", Invariant($"{p99:F3} ms at {esperRate[0].TargetRate:F0} req/s"), "< 5 ms", p99 < 5.0));
            }
        }
    }

    private static double Median(List<Run> runs, string label, Func<Run, double> pick)
    {
        var values = runs.Where(r => r.Label == label).Select(pick).Order().ToList();
        return values.Count == 0 ? double.NaN : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static Run Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var e = doc.RootElement;
        double D(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        return new Run(
            e.GetProperty("label").GetString() ?? "?", e.GetProperty("generator").GetString() ?? "?", (int)D("connections"),
            D("target_rate"), D("rps"), (long)D("requests"), (long)D("errors"), D("p50_ms"), D("p90_ms"), D("p99_ms"), D("p999_ms"), D("service_p99_ms"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Run(string Label, string Generator, int Connections, double TargetRate, double Rps, long Requests, long Errors, double P50, double P90, double P99, double P999, double ServiceP99);
}
