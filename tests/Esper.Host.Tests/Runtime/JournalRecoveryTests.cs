using System.Net;
using Esper.Api;
using Esper.Api.Runtime;
using Esper.Host.Tests.Support;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.Runtime;

/// <summary>
/// Recording after the answer never loses an answered decision: when its records cannot be written, the journal
/// entry written in its counter round stays, and once it is older than the grace period the next sweep of the
/// tenant writes the records from it, marked as recovered.
/// </summary>
public sealed class JournalRecoveryTests
{
    [Fact]
    public async Task Records_that_failed_after_the_answer_are_written_from_the_journal_after_the_grace_period()
    {
        using var host = RecordFailureStore.StartHost(sp => new RecordFailureStore(sp.GetRequiredService<SqliteKeyValueStore>()));
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
        var store = host.Services.GetRequiredService<RecordFailureStore>();
        var pending = host.Services.GetRequiredService<PendingRecordings>();

        store.FailRecords = true;
        var answered = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        await pending.DrainAsync();
        store.FailRecords = false;

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal("allow", answered.Str("action"));
        var journal = host.Services.GetRequiredService<DecisionJournalRepository>();
        var entry = Assert.Single(await journal.OlderThanAsync("default", DateTimeOffset.MaxValue, 10));
        Assert.Equal(answered.Str("decision_id"), entry.DecisionId);

        // A sweep is due (30 s) but the entry is younger than the grace period (60 s): a live process may still be writing.
        host.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, (await client.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());

        host.Time.Advance(TimeSpan.FromSeconds(31));
        var results = await client.GetAsync("/api/v1/results/policies/watch");

        Assert.Equal(1, results.Body.GetProperty("total").GetInt64());
        Assert.Equal(1, results.Body.GetProperty("observe").GetInt64());
        var recent = Assert.Single(results.Body.GetProperty("recent_decisions").EnumerateArray());
        Assert.Equal(answered.Str("decision_id"), recent.GetProperty("decision_id").GetString());
        Assert.True(recent.GetProperty("recovered").GetBoolean());
        Assert.Empty(await journal.OlderThanAsync("default", DateTimeOffset.MaxValue, 10));
    }

    [Fact]
    public async Task An_entry_whose_recovery_meets_a_store_outage_is_recovered_by_a_later_sweep()
    {
        using var host = RecordFailureStore.StartHost(sp => new RecordFailureStore(sp.GetRequiredService<SqliteKeyValueStore>()) { FailAsOutage = true });
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
        var store = host.Services.GetRequiredService<RecordFailureStore>();
        var pending = host.Services.GetRequiredService<PendingRecordings>();
        store.FailRecords = true;
        var answered = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        await pending.DrainAsync();
        Assert.Equal(HttpStatusCode.OK, answered.Status);

        // The store is still out when the entry comes of age: the sweep cannot record it and must not pass it.
        host.Time.Advance(TimeSpan.FromSeconds(61));
        await client.GetAsync("/api/v1/results/policies/watch");
        await pending.DrainAsync();
        store.FailRecords = false;

        host.Time.Advance(TimeSpan.FromSeconds(31));
        await client.GetAsync("/api/v1/results/policies/watch");
        await pending.DrainAsync();
        var results = await client.GetAsync("/api/v1/results/policies/watch");

        Assert.Equal(1, results.Body.GetProperty("total").GetInt64());
        var recent = Assert.Single(results.Body.GetProperty("recent_decisions").EnumerateArray());
        Assert.Equal(answered.Str("decision_id"), recent.GetProperty("decision_id").GetString());
        Assert.True(recent.GetProperty("recovered").GetBoolean());
    }

    [Fact]
    public async Task A_decision_whose_journal_entry_landed_past_half_the_grace_period_is_recorded_before_its_answer()
    {
        using var host = RecordFailureStore.StartHost(sp => new RecordFailureStore(sp.GetRequiredService<SqliteKeyValueStore>()));
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
        var store = host.Services.GetRequiredService<RecordFailureStore>();

        // The journal entry lands 31 s after its decision's time (a stalled process): a sweep may pass that time at
        // 60 s, so the entry cannot be trusted and the records are written first. They fail: no 200 is answered.
        store.BeforeJournalWrite = () => host.Time.Advance(TimeSpan.FromSeconds(31));
        store.FailRecords = true;
        var late = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal(HttpStatusCode.InternalServerError, late.Status);

        // On time, the same failure is written after the answer and left to recovery.
        store.BeforeJournalWrite = null;
        var onTime = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        await host.Services.GetRequiredService<PendingRecordings>().DrainAsync();

        Assert.Equal(HttpStatusCode.OK, onTime.Status);
    }

    [Fact]
    public async Task Records_written_after_the_answer_leave_no_journal_entry_and_are_not_marked_recovered()
    {
        using var host = EsperHost.Start(settings: new Dictionary<string, string> { ["ESPER_RECORDING"] = "after_answer" });
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);

        var answered = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        var results = await client.GetAsync("/api/v1/results/policies/watch");

        Assert.Equal(1, results.Body.GetProperty("total").GetInt64());
        var recent = Assert.Single(results.Body.GetProperty("recent_decisions").EnumerateArray());
        Assert.Equal(answered.Str("decision_id"), recent.GetProperty("decision_id").GetString());
        Assert.False(recent.TryGetProperty("recovered", out _));
        await host.Services.GetRequiredService<PendingRecordings>().DrainAsync();
        Assert.Empty(await host.Services.GetRequiredService<DecisionJournalRepository>().OlderThanAsync("default", DateTimeOffset.MaxValue, 10));
    }
}
