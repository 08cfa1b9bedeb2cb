using System.Globalization;
using CsCheck;
using Esper.Api.Tests.Support;
using Esper.Core.Tests.Fuzz;
using Xunit.Abstractions;

namespace Esper.Api.Tests.Fuzz;

/// <summary>
/// Fuzzes the JSON endpoints through the shared handler: corpus bodies (Fuzz/corpus/bodies.tsv, one
/// <c>METHOD path TAB body</c> a line) damaged by the same mutations as the parser fuzzing, sent with the admin key.
/// The law: never a 5xx, always a JSON answer, and the host stays ready. <c>ESPER_FUZZ_SECONDS</c> bounds it (default 5).
/// </summary>
public sealed class EndpointFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Damaged_json_bodies_never_get_a_5xx_and_the_service_stays_ready()
    {
        // No rate limit: the fake clock never moves, so every case after the first 1,200 would be a 429.
        using var harness = new ApiHarness(static o => o.RateLimitPerMinute = 0);
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus", "bodies.tsv")).Where(static l => l.Length > 0).ToArray();
        var routes = lines.Select(static l => l.Split('\t', 2)).ToArray();
        var statuses = new SortedDictionary<int, int>();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("ESPER_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 5;

        Gen.Select(Gen.Int[0, routes.Length - 1], Mutations.Of([.. routes.Select(static r => r[1])])).Sample(pick =>
        {
            var (index, body) = pick;
            var target = routes[index][0].Split(' ');
            var result = harness.SendAsync(target[0], target[1], body).GetAwaiter().GetResult();
            statuses[result.Status] = statuses.GetValueOrDefault(result.Status) + 1;
            Assert.True(result.Status < 500, $"{target[0]} {target[1]} {body} -> {result.Status} {result.Body}");
            Assert.True(result.Raw.ContentType is null || result.Raw.ContentType.Contains("json", StringComparison.Ordinal), result.Raw.ContentType);
        }, writeLine: output.WriteLine, time: seconds, threads: 1);

        output.WriteLine(string.Join(", ", statuses.Select(static p => $"{p.Key}: {p.Value}")));
        Assert.Equal(200, (await harness.SendAsync("GET", "/readyz", key: null)).Status);
        Assert.True(statuses.Keys.Any(static k => k < 300), "no damaged body was ever accepted: the harness tests little");
        Assert.True(statuses.Keys.Any(static k => k is >= 400 and < 500), "no damaged body was ever refused: the harness tests little");
    }
}
