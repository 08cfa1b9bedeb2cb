using System.Globalization;

namespace Esper.Core.Tests.Fuzz;

/// <summary>
/// How long each fuzz target runs: <c>ESPER_FUZZ_SECONDS</c> (default 5, so the three targets stay well under a
/// minute in the test command); a longer run is the same test with a larger value (README, Reliability).
/// </summary>
internal static class FuzzBudget
{
    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("ESPER_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 5;

    /// <summary>Longest one case may take before it counts as a hang (far above any real case; not a benchmark).</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    public static string[] Lines(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus", file)).Where(static l => l.Length > 0).ToArray();
}
