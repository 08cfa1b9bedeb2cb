using System.Diagnostics;
using System.Net;
using Esper.Host.Tests.Support;
using Esper.Testing;
using Xunit.Abstractions;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// Real faults against the built host in its own process, on every store: the store taken away mid-load and given
/// back, and the host SIGKILLed mid-load and restarted. Under both, every decision answered 200 must be in the
/// results afterwards, found by its decision id; the counts are written to the test output.
/// </summary>
public abstract class StoreFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 4;

    // The outage test's load must outlast the time the store takes to refuse writes: the embedded store keeps
    // answering from its log until a checkpoint gives up on the locked file (its busy timeout, 1 s here), and on a
    // fast host a smaller budget ran out within that second.
    private const int OutageRequestsPerWorker = 10_000;

    // Short journal settings so decisions orphaned by a fault are recovered within the test, not after a minute.
    private static readonly Dictionary<string, string> Common = new()
    {
        ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0",
        ["ESPER_JOURNAL_GRACE_SECONDS"] = "2",
        ["ESPER_JOURNAL_SWEEP_SECONDS"] = "1",
    };

    /// <summary>The store's name as the 503 problem's title gives it.</summary>
    protected abstract string StoreName { get; }

    [Fact]
    public async Task Store_outage_answers_fast_503s_then_service_resumes_without_a_restart_and_nothing_acknowledged_is_lost()
    {
        using var host = await StartHostAsync();
        await CreateWatchPolicyAsync(host.BaseAddress);
        await using var load = DecisionLoad.Start(host.BaseAddress, Workers, OutageRequestsPerWorker);
        await load.WaitForAsync(0, static a => a.Count(static x => x.IsAcknowledged) >= 20, "20 decisions before the outage");

        await BreakStoreAsync();
        var broken = load.Mark;
        await load.WaitForAsync(broken, static a => a.Count(static x => x.Status == 503) >= 10, "10 answers of 503 during the outage");
        var readyDuringOutage = await WaitForReadyzAsync(host.BaseAddress, HttpStatusCode.ServiceUnavailable);

        await RepairStoreAsync();
        var repaired = load.Mark;
        await load.WaitForAsync(repaired, static a => a.Count(static x => x.IsAcknowledged) >= 20, "20 decisions after the store returned");
        var readyAfter = await WaitForReadyzAsync(host.BaseAddress, HttpStatusCode.OK);
        await load.StopAsync();

        var answers = load.Answers;
        var outage = answers.Where(a => a.Status == 503).ToList();
        var acknowledged = answers.Where(static a => a.IsAcknowledged).Select(static a => a.DecisionId!).ToList();
        output.WriteLine($"{StoreName}: {answers.Count} decisions sent, {acknowledged.Count} answered 200, {outage.Count} answered 503; "
            + $"slowest 503 {outage.Max(static a => a.Took).TotalMilliseconds:0} ms, slowest answer {answers.Max(static a => a.Took).TotalMilliseconds:0} ms");

        Assert.All(answers, a => Assert.True(a.Status is 200 or 503, $"only 200 and 503 are expected, got {a}"));
        Assert.All(outage, a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.Equal("urn:esper:problem:store-unavailable", a.ProblemType);
            Assert.Equal($"The {StoreName} store is unavailable.", a.ProblemTitle);
            Assert.Equal("5", a.RetryAfter);
        });
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(15), $"every answer within 15 s, got {a}"));
        Assert.Contains(StoreName, readyDuringOutage.ProblemTitle);
        Assert.Equal(200, readyAfter.Status);

        var missing = await RecordedDecisions.MissingAsync(host.BaseAddress, acknowledged, TimeSpan.FromSeconds(60));
        output.WriteLine($"{StoreName}: {acknowledged.Count - missing.Count} of {acknowledged.Count} acknowledged decisions found afterwards");
        Assert.Empty(missing);
        Assert.True(await WatchTotalAsync(host.BaseAddress, acknowledged.Count) >= acknowledged.Count);
    }

    [Fact]
    public async Task Sigkill_mid_load_loses_no_acknowledged_decision_after_a_restart_over_the_same_store()
    {
        IReadOnlyList<LoadAnswer> answers;
        using (var host = await StartHostAsync())
        {
            await CreateWatchPolicyAsync(host.BaseAddress);
            await using var load = DecisionLoad.Start(host.BaseAddress, Workers);
            await load.WaitForAsync(0, static a => a.Count(static x => x.IsAcknowledged) >= 40, "40 decisions before the kill");
            host.Kill();
            await load.StopAsync();
            answers = load.Answers;
        }

        var acknowledged = answers.Where(static a => a.IsAcknowledged).Select(static a => a.DecisionId!).ToList();
        using var restarted = await StartHostAsync();
        var missing = await RecordedDecisions.MissingAsync(restarted.BaseAddress, acknowledged, TimeSpan.FromSeconds(60));
        output.WriteLine($"{StoreName}: {answers.Count} decisions sent, {acknowledged.Count} answered 200 before SIGKILL, "
            + $"{answers.Count(static a => a.Status == 0)} cut off (all answers by status: {ByStatus(answers)}); {acknowledged.Count - missing.Count} of {acknowledged.Count} found after the restart");
        if (missing.Count > 0)
        {
            output.WriteLine(string.Join(Environment.NewLine, restarted.Output));
        }

        Assert.Empty(missing);
        Assert.True(await WatchTotalAsync(restarted.BaseAddress, acknowledged.Count) >= acknowledged.Count);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The store's host settings (ESPER_STORE and its variables); the same on every start of one test.</summary>
    internal abstract IReadOnlyDictionary<string, string> StoreSettings();

    /// <summary>Takes the store away while the load runs.</summary>
    internal abstract Task BreakStoreAsync();

    /// <summary>Gives the store back, as it was.</summary>
    internal abstract Task RepairStoreAsync();

    /// <summary>The data directory of the host over the embedded store (cloud stores ignore it).</summary>
    protected string DataDir { get; } = TempDir.Create();

    private async Task<EsperHostProcess> StartHostAsync()
    {
        var settings = new Dictionary<string, string>(Common);
        foreach (var (name, value) in StoreSettings())
        {
            settings[name] = value;
        }

        return await EsperHostProcess.StartAsync(new HostProcessStart { AdminKey = EsperHost.AdminKey, DataDir = DataDir, Settings = settings });
    }

    private static string ByStatus(IEnumerable<LoadAnswer> answers) =>
        string.Join(", ", answers.GroupBy(static a => a.Status).OrderBy(static g => g.Key).Select(static g => $"{g.Key}: {g.Count()}"));

    private static async Task CreateWatchPolicyAsync(Uri host)
    {
        using var admin = new EsperClient(new HttpClient { BaseAddress = host }, EsperHost.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
    }

    /// <summary>
    /// The watch policy's results total once it reaches <paramref name="atLeast"/>, or the last total read after 60 s.
    /// A decision can be found by id before journal recovery has finished counting it, so the count is polled.
    /// </summary>
    private static async Task<long> WatchTotalAsync(Uri host, long atLeast)
    {
        using var admin = new EsperClient(new HttpClient { BaseAddress = host }, EsperHost.AdminKey);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var total = (await admin.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64();
            if (total >= atLeast || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return total;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Asks /readyz until it answers <paramref name="expected"/> (bounded); returns that answer.</summary>
    private static async Task<LoadAnswer> WaitForReadyzAsync(Uri host, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                var title = response.StatusCode == HttpStatusCode.OK ? null : System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("title").GetString();
                return new LoadAnswer(0, (int)response.StatusCode, null, response.Content.Headers.ContentType?.MediaType, null, title, null, clock.Elapsed);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"/readyz did not answer {(int)expected} within 60 s; last {(int)response.StatusCode} {text}");

            // Polls a real condition (the probe's answer), bounded above.
            await Task.Delay(100);
        }
    }
}
