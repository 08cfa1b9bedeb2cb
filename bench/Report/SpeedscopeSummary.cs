using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Esper.Bench.Report;

/// <summary>
/// Summarises a speedscope export of dotnet-trace's thread-time sampling: time by leaf frame (where threads were)
/// and inclusive time of the product's and its libraries' frames, leaving out idle threads (thread-pool and socket
/// waits), so what remains is the time requests spent somewhere.
/// </summary>
internal static class SpeedscopeSummary
{
    private static readonly string[] IdleMarkers =
    [
        "LowLevelLifoSemaphore", "WaitForSignal", "SemaphoreSlim.Wait", "Thread.Sleep", "Monitor.Wait", "WaitHandle.Wait",
        "WaitOneCore", "SocketAsyncEngine.EventLoop", "TimerQueue.TimerThread", "WaitForPendingFinalizers", "LowLevelLock",
        "PortableThreadPool+GateThread", "Interop+Sys.WaitForSocketEvents", "ManualResetEventSlim.Wait", "Console", "FileSystem.Watcher", "Program.<Main>", "Monitor.Wait",
    ];

    public static string Summarise(string path, int top = 25)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var frames = doc.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
        var leaf = new Dictionary<string, double>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, double>(StringComparer.Ordinal);
        double busy = 0, idle = 0;

        void Account(IReadOnlyList<int> stack, double weight)
        {
            if (weight <= 0 || stack.Count == 0)
            {
                return;
            }

            var names = stack.Select(i => frames[i]).ToList();
            if (names.Any(n => IdleMarkers.Any(m => n.Contains(m, StringComparison.Ordinal))) && !names.Any(IsProductFrame))
            {
                idle += weight;
                return;
            }

            busy += weight;
            var top = names[^1];
            if (top.StartsWith("UNMANAGED_CODE_TIME", StringComparison.Ordinal) && names.Count > 1)
            {
                top = "native code, called from " + names[^2];
            }
            else if (top.StartsWith("CPU_TIME", StringComparison.Ordinal) && names.Count > 1)
            {
                top = "on CPU in " + names[^2];
            }

            // The innermost product frame says which of our calls led there.
            var ours = names.LastOrDefault(n => IsProductFrame(n) && !n.Contains("+<", StringComparison.Ordinal));
            top = ours is null ? top : $"{top}  ← {ours}";
            leaf[top] = leaf.GetValueOrDefault(top) + weight;
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                inclusive[name] = inclusive.GetValueOrDefault(name) + weight;
            }
        }

        foreach (var profile in doc.RootElement.GetProperty("profiles").EnumerateArray())
        {
            if (profile.GetProperty("type").GetString() == "sampled")
            {
                var weights = profile.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
                var i = 0;
                foreach (var sample in profile.GetProperty("samples").EnumerateArray())
                {
                    Account(sample.EnumerateArray().Select(f => f.GetInt32()).ToList(), weights[i++]);
                }

                continue;
            }

            var stack = new List<int>();
            double? last = null;
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                if (last is { } l)
                {
                    Account(stack, at - l);
                }

                last = at;
                var frame = e.GetProperty("frame").GetInt32();
                if (e.GetProperty("type").GetString() == "O")
                {
                    stack.Add(frame);
                }
                else
                {
                    var index = stack.LastIndexOf(frame);
                    if (index >= 0)
                    {
                        stack.RemoveRange(index, stack.Count - index);
                    }
                }
            }
        }

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Thread time outside idle waits: {busy:F0} (idle: {idle:F0}, units of the trace).");
        md.AppendLine();
        md.AppendLine("Where threads were (leaf frame), share of non-idle time:");
        foreach (var (name, w) in leaf.OrderByDescending(p => p.Value).Take(top))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"  {w / busy,6:P1}  {Short(name)}");
        }

        md.AppendLine();
        md.AppendLine("Inclusive share of non-idle time (product, SQLite, JSON, Kestrel frames):");
        foreach (var (name, w) in inclusive.Where(p => Interesting(p.Key)).OrderByDescending(p => p.Value).Take(top + 10))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"  {w / busy,6:P1}  {Short(name)}");
        }

        return md.ToString();
    }

    private static bool IsProductFrame(string name) =>
        name.StartsWith("Esper.Api!", StringComparison.Ordinal) || name.StartsWith("Esper.Storage", StringComparison.Ordinal) ||
        name.StartsWith("Esper.Core!", StringComparison.Ordinal) || name.StartsWith("Esper.Host!Esper.", StringComparison.Ordinal);

    private static bool Interesting(string name) =>
        IsProductFrame(name) || name.Contains("SQLite", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("System.Text.Json", StringComparison.Ordinal) || name.Contains("Kestrel", StringComparison.Ordinal) ||
        name.Contains("Security.Cryptography", StringComparison.Ordinal);

    private static string Short(string name) => name.Length > 260 ? name[..260] + "…" : name;
}
