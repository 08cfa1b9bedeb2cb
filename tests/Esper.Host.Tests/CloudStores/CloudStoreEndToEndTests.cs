using System.Net;
using Esper.Host.Tests.Support;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.CloudStores;

/// <summary>
/// The runtime's HTTP suite against a cloud store: the real host on a loopback socket, its store chosen by
/// ESPER_STORE and the backend's variables exactly as in production, the backend an emulator. Each test gets a
/// table of its own, created through the host's create-table flag.
/// </summary>
public abstract class CloudStoreEndToEndTests
{
    private const string HotPolicy = """{"id":"hot","name":"Count every request","status":"active","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":0},"mitigation_id":"monitor"}]}""";

    [Fact]
    public async Task Host_keeps_its_state_in_the_configured_store()
    {
        var settings = NewStoreSettings();
        using var host = EsperHost.Start(settings: settings);
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);
        Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));

        Assert.IsNotType<SqliteKeyValueStore>(host.Services.GetRequiredService<IKeyValueStore>());
        Assert.False(File.Exists(Path.Combine(host.DataDir, "esper.db")));
        Assert.True(await CountItemsAsync(TableOf(settings)) > 0);
    }

    [Fact]
    public async Task Window_blocks_on_the_sixth_request()
    {
        using var host = EsperHost.Start(settings: NewStoreSettings());
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);

        for (var i = 1; i <= 5; i++)
        {
            var allowed = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
            Assert.Equal("allow", allowed.Str("action"));
        }

        var blocked = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        Assert.Equal("block", blocked.Str("action"));
        Assert.Equal("burst", blocked.Str("policy_id"));
        Assert.Equal(6, Assert.Single(blocked.Body.GetProperty("matches").EnumerateArray()).GetProperty("window_count").GetInt64());
        Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "198.51.100.7"))).Str("action"));

        // The penalty lives in the entity key's counter item of the cloud store.
        host.Time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal("block", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        host.Time.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }

    [Fact]
    public async Task Idempotent_retries_get_one_decision_counted_once()
    {
        using var host = EsperHost.Start(settings: NewStoreSettings());
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "req-0001"))));
        var later = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "req-0001"));

        Assert.All(concurrent, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var decisionId = Assert.Single(concurrent.Select(a => a.Str("decision_id")).Distinct());
        Assert.Equal(decisionId, later.Str("decision_id"));
        Assert.Equal("true", later.Header("Idempotent-Replayed"));
        Assert.Equal(1, (await client.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());

        // The window saw the event once: four more distinct requests stay under the threshold of five.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        }

        Assert.Equal("block", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }

    [Fact]
    public async Task One_hot_entity_key_counts_exactly_under_parallel_clients()
    {
        const int Clients = 8;
        const int PerClient = 50;
        using var host = EsperHost.Start(settings: NewStoreSettings());
        using var admin = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/policies", HotPolicy)).Status);

        var counts = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = host.Client();
            var seen = new List<long>(PerClient);
            for (var i = 0; i < PerClient; i++)
            {
                var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
                Assert.Equal(HttpStatusCode.OK, decision.Status);
                seen.Add(Assert.Single(decision.Body.GetProperty("matches").EnumerateArray()).GetProperty("window_count").GetInt64());
            }

            return seen;
        }));

        // Every increment read back the total it produced: 1..400, each exactly once.
        Assert.Equal(Enumerable.Range(1, Clients * PerClient).Select(i => (long)i), counts.SelectMany(c => c).Order());
        var results = await admin.GetAsync("/api/v1/results/policies/hot");
        Assert.Equal(Clients * PerClient, results.Body.GetProperty("total").GetInt64());
        Assert.Equal(Clients * PerClient, results.Body.GetProperty("observe").GetInt64());
        var next = await admin.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        Assert.Equal(Clients * PerClient + 1, Assert.Single(next.Body.GetProperty("matches").EnumerateArray()).GetProperty("window_count").GetInt64());
    }

    [Fact]
    public async Task Replay_job_diffs_the_recorded_decisions_in_the_store_against_a_candidate()
    {
        using var host = EsperHost.Start(settings: NewStoreSettings());
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);
        var start = host.Time.GetUtcNow();
        var live = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            live.Add((await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // A results read waits for the records written after the answers.
        await client.GetAsync("/api/v1/results/policies");
        var range = $$"""{"job_type":"DryRun","time_range_start":"{{start:O}}","time_range_end":"{{host.Time.GetUtcNow():O}}",""";
        var request = range + "\"candidate\":{\"changes\":{\"delete\":{\"policies\":[\"burst\"]}}}}";
        var created = await client.PostAsync("/api/v1/replay-jobs", request);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var job = created;
        for (var i = 0; i < 20 && job.Str("status") == "Running"; i++)
        {
            job = await client.GetAsync($"/api/v1/replay-jobs/{created.Str("job_id")}");
        }

        var blocked = live.Count(a => a == "block");
        Assert.Equal(3, blocked);
        Assert.Equal("Completed", job.Str("status"));
        Assert.Equal(8, job.Body.GetProperty("events_processed").GetInt64());
        Assert.Equal(blocked, job.Body.GetProperty("diff").GetProperty("decisions_changed").GetInt64());
        var block = job.Body.GetProperty("diff").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "block");
        Assert.Equal(blocked, block.GetProperty("before").GetInt64());
        Assert.Equal(0, block.GetProperty("after").GetInt64());

        // The live penalty is untouched: the next request is still blocked.
        Assert.Equal("block", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }

    /// <summary>ESPER_STORE and the backend's variables for a fresh table.</summary>
    internal abstract IReadOnlyDictionary<string, string> NewStoreSettings();

    /// <summary>The table named in <see cref="NewStoreSettings"/>'s answer.</summary>
    internal abstract string TableOf(IReadOnlyDictionary<string, string> settings);

    /// <summary>How many items the backend holds in <paramref name="table"/>, read with the backend's own client.</summary>
    internal abstract Task<int> CountItemsAsync(string table);
}
