using System.Net;
using Esper.Api;
using Esper.Api.Runtime;
using Esper.Host.Tests.Support;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.Runtime;

/// <summary>
/// Pins how many sequential store round trips one decision takes on its critical path (from the request reaching
/// the handler to its answer), per kind of decision. The store is the real SQLite store behind a counting decorator
/// that adds a simulated network latency to every call; the decision is measured after a warm-up decision, so the
/// API key and the compiled config are cached.
/// </summary>
public sealed class StoreRoundTripTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    [Theory]
    // Config cached (ConfigCheckInterval > 0), no rate limit: the store work of the decision itself. "plain" fires a
    // monitor policy on every request (no window); "window" is a request under a window's threshold (nothing fires).
    [InlineData("plain", true, false, "BatchPut:decisions+UpdateCounters:results+UpdateCounters:traffic")]
    [InlineData("window", true, false, "UpdateCounters:entity > BatchPut:decisions+UpdateCounters:traffic")]
    // The 6th request of a window fires its block: the penalty, and its entry in the hybrid active-mitigations feed, are
    // written in the same parallel round as the records. Every decision also counts in the tenant's per-minute traffic.
    [InlineData("window-fires", true, false, "UpdateCounters:entity > BatchPut:active-mitigations+BatchPut:decisions+UpdateCounters:entity+UpdateCounters:results+UpdateCounters:traffic")]
    // The idempotency answer is stored in the same parallel round as the records.
    [InlineData("idempotent", true, false, "Put:idem > BatchPut:decisions+Put:idem+UpdateCounters:results+UpdateCounters:traffic")]
    [InlineData("idempotent-window", true, false, "Put:idem > UpdateCounters:entity > BatchPut:decisions+Put:idem+UpdateCounters:traffic")]
    // The host's defaults: the per-key rate limit counter and the config version read on every decision share one
    // parallel round (with the idempotency claim, when there is one).
    [InlineData("plain", false, true, "GetCounters:config+UpdateCounters:rate > BatchPut:decisions+UpdateCounters:results+UpdateCounters:traffic")]
    // The entity key's counter update runs in the same round as those checks: a refused or stale decision undoes it.
    [InlineData("window", false, true, "GetCounters:config+UpdateCounters:entity+UpdateCounters:rate > BatchPut:decisions+UpdateCounters:traffic")]
    [InlineData("idempotent", false, true, "GetCounters:config+Put:idem+UpdateCounters:rate > BatchPut:decisions+Put:idem+UpdateCounters:results+UpdateCounters:traffic")]
    public async Task A_decision_recorded_before_its_answer_takes_the_pinned_sequence_of_store_round_trips(string kind, bool configCached, bool rateLimited, string expected)
    {
        using var host = StartHost(configCached, rateLimited, RecordingMode.BeforeAnswer);
        var counter = await WarmUpAsync(host, kind);

        using var client = host.Client();
        counter.StartRecording();
        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: kind.StartsWith("idempotent", StringComparison.Ordinal) ? "measured" : null));
        var steps = counter.StopRecording();

        Assert.Equal(HttpStatusCode.OK, decision.Status);
        Assert.Equal(expected, steps);
    }

    [Theory]
    // Recording after the answer (the cloud stores' default), with the host's defaults: the answer waits for one
    // round (the counter update, the journal entry, the rate-limit count and the config version read, in parallel);
    // the records follow it, the tenant's decision record last (it tells recovery the records are complete), then the
    // journal entry is deleted.
    [InlineData("plain", 1, "GetCounters:config+Put:journal+UpdateCounters:rate > BatchPut:policy-decisions+UpdateCounters:results+UpdateCounters:traffic > BatchPut:decisions > Delete:journal")]
    [InlineData("window", 1, "GetCounters:config+Put:journal+UpdateCounters:entity+UpdateCounters:rate > UpdateCounters:traffic > BatchPut:decisions > Delete:journal")]
    [InlineData("window-fires", 1, "GetCounters:config+Put:journal+UpdateCounters:entity+UpdateCounters:rate > BatchPut:active-mitigations+BatchPut:policy-decisions+UpdateCounters:entity+UpdateCounters:results+UpdateCounters:traffic > BatchPut:decisions > Delete:journal")]
    // An idempotency key adds its claim as a round of its own: counting waits for the claim, so a duplicate never counts.
    [InlineData("idempotent-window", 2, "GetCounters:config+Put:idem+UpdateCounters:rate > Put:journal+UpdateCounters:entity > Put:idem+UpdateCounters:traffic > BatchPut:decisions > Delete:journal")]
    public async Task A_decision_recorded_after_its_answer_is_answered_after_the_pinned_number_of_rounds(string kind, int answeredAfter, string expected)
    {
        using var host = StartHost(configCached: false, rateLimited: true, RecordingMode.AfterAnswer);
        var counter = await WarmUpAsync(host, kind);

        // Every store call after the first rounds is held: the answer must arrive without them.
        using var client = host.Client();
        counter.StartRecording(holdAfterSteps: answeredAfter);
        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: kind.StartsWith("idempotent", StringComparison.Ordinal) ? "measured" : null))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, decision.Status);
        Assert.Equal(kind == "window-fires" ? "block" : "allow", decision.Str("action"));

        counter.Release();
        await host.Services.GetRequiredService<PendingRecordings>().DrainAsync();
        Assert.Equal(expected, counter.StopRecording());
    }

    [Fact]
    public async Task An_event_too_large_to_journal_is_recorded_before_its_answer()
    {
        using var host = StartHost(configCached: true, rateLimited: false, RecordingMode.AfterAnswer);
        var counter = await WarmUpAsync(host, "window");
        var headers = string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"x-filler-{i}\":\"{new string('a', 6000)}\""));
        var large = """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0","headers":{""" + headers + "}}}";

        using var client = host.Client();
        counter.StartRecording(holdAfterSteps: 1);
        var answer = client.PostAsync("/api/v1/runtime/mitigation", large);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(answer.IsCompleted, "answered before its records were written");
        counter.Release();
        Assert.Equal(HttpStatusCode.OK, (await answer).Status);

        Assert.Equal("UpdateCounters:entity > BatchPut:decisions+UpdateCounters:traffic", counter.StopRecording());
    }

    private static EsperHost StartHost(bool configCached, bool rateLimited, RecordingMode recording) =>
        EsperHost.Start(services: services =>
        {
            services.AddSingleton(sp => new RoundTripCounter(sp.GetRequiredService<SqliteKeyValueStore>(), Latency));
            services.AddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<RoundTripCounter>());
            services.AddSingleton(new EsperApiOptions
            {
                ConfigCheckInterval = configCached ? TimeSpan.FromHours(1) : TimeSpan.Zero,
                RateLimitPerMinute = rateLimited ? 1200 : 0,
                Recording = recording,
            });
        });

    /// <summary>Creates the kind's policy and decides once (so the key and the config are cached); returns the counter, idle.</summary>
    private static async Task<RoundTripCounter> WarmUpAsync(EsperHost host, string kind)
    {
        using var client = host.Client();
        var window = kind.Contains("window", StringComparison.Ordinal);
        if (window)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation)).Status);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.WindowPolicy(mitigation: "block-5m"))).Status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
        }

        var idempotent = kind.StartsWith("idempotent", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "198.51.100.1", idempotencyKey: idempotent ? "warm-up" : null))).Status);
        for (var i = 0; kind == "window-fires" && i < 5; i++)
        {
            Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        }

        // The warm-up's own record writes (and its first journal sweep) finish before anything is measured.
        await host.Services.GetRequiredService<PendingRecordings>().DrainAsync();
        var counter = host.Services.GetRequiredService<RoundTripCounter>();
        await counter.WaitQuietAsync();
        return counter;
    }
}
