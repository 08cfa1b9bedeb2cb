using System.Text;

namespace Esper.Bench.Report;

/// <summary>Builds <c>bench/results/latest.md</c> from one run's raw directory.</summary>
internal sealed class ReportBuilder(string rawDir)
{
    private static readonly string[] TableOrder = ["stores", "embedded-concurrency", "scale-policies", "scale-keys", "scale-records", "replay"];

    public string Build()
    {
        var checks = new List<Check>();
        var body = new StringBuilder();
        Include(body, "engine.md", "## Engine (BenchmarkDotNet)");
        HttpSection.Write(rawDir, body, checks);
        foreach (var name in TableOrder)
        {
            var path = Path.Combine(rawDir, name + ".json");
            if (File.Exists(path))
            {
                TableSection.Write(path, body, checks);
            }
            else
            {
                body.AppendLine($"## {name}\n\nNot run (see the run log).\n");
            }
        }

        Include(body, "cold-start.md", "## Cold start (Lambda, JIT vs AOT)");

        var md = new StringBuilder();
        md.AppendLine("# Benchmark results (latest run of `bench/run.sh`)\n");
        Include(md, "env.md", null);
        md.AppendLine("## Targets\n");
        md.AppendLine("| measurement | this run | target | verdict |");
        md.AppendLine("|---|---|---|---|");
        foreach (var c in checks)
        {
            md.AppendLine($"| {c.Measurement} | {c.Figure} | {c.Target} | {c.Verdict} |");
        }

        md.AppendLine();
        md.Append(body);
        md.AppendLine("Raw numbers of this run: [`raw/`](raw/) (one JSON file per measurement, wrk and BenchmarkDotNet outputs).");
        return md.ToString();
    }

    private void Include(StringBuilder md, string file, string? heading)
    {
        var path = Path.Combine(rawDir, file);
        if (heading is not null)
        {
            md.AppendLine(heading + "\n");
        }

        md.AppendLine(File.Exists(path) ? File.ReadAllText(path).TrimEnd() + "\n" : "Not run (see the run log).\n");
    }
}
