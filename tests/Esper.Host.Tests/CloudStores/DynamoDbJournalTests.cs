using System.Net;
using Esper.Api;
using Esper.Api.Runtime;
using Esper.Host.Tests.Support;
using Esper.Storage.DynamoDb;
using Esper.Storage.DynamoDb.Tests.Emulator;
using Esper.Storage.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.CloudStores;

/// <summary>
/// On DynamoDB a journal entry whose decision is recorded is left to expire (a delete is a billed write), so recovery
/// must tell recorded decisions from orphans by their records and must not read the same entries on every sweep.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbJournalTests(DynaliteFixture dynalite)
{
    [Fact]
    public async Task Recorded_entries_stay_until_expiry_and_only_the_orphan_is_recovered_once()
    {
        using var host = RecordFailureStore.StartHost(sp => new RecordFailureStore(DynamoDbKeyValueStore.Create(dynalite.Client, dynalite.Options(DynaliteFixture.NewTableName()), sp.GetRequiredService<TimeProvider>())));
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
        var store = host.Services.GetRequiredService<RecordFailureStore>();
        var pending = host.Services.GetRequiredService<PendingRecordings>();
        var journal = host.Services.GetRequiredService<DecisionJournalRepository>();

        var recorded = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "203.0.113.1"));
        await pending.DrainAsync();
        store.FailRecords = true;
        var orphan = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "203.0.113.2"));
        await pending.DrainAsync();
        store.FailRecords = false;

        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Equal(HttpStatusCode.OK, orphan.Status);
        var entries = await journal.OlderThanAsync("default", DateTimeOffset.MaxValue, 10);
        // The recorded decision's entry was not deleted: it is left to expire.
        Assert.Equal(
            new[] { recorded.Str("decision_id"), orphan.Str("decision_id") }.Order(StringComparer.Ordinal),
            entries.Select(static e => e.DecisionId).Order(StringComparer.Ordinal));

        host.Time.Advance(TimeSpan.FromSeconds(61));
        var results = await SweptResultsAsync(client, pending);

        Assert.Equal(2, results.Body.GetProperty("total").GetInt64());
        var recent = results.Body.GetProperty("recent_decisions").EnumerateArray().ToDictionary(static d => d.GetProperty("decision_id").GetString()!);
        Assert.True(recent[orphan.Str("decision_id")!].GetProperty("recovered").GetBoolean());
        Assert.False(recent[recorded.Str("decision_id")!].TryGetProperty("recovered", out _));

        // The next sweep starts at the watermark the first one left: it reads neither entry again, and counts nothing twice.
        var readBefore = store.JournalEntriesRead;
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var again = await SweptResultsAsync(client, pending);

        Assert.Equal(readBefore, store.JournalEntriesRead);
        Assert.Equal(2, again.Body.GetProperty("total").GetInt64());
        Assert.Equal(2, (await journal.OlderThanAsync("default", DateTimeOffset.MaxValue, 10)).Count);
    }

    /// <summary>A results read starts a due sweep in the background; waits for it and reads again.</summary>
    private static async Task<ApiResult> SweptResultsAsync(EsperClient client, PendingRecordings pending)
    {
        await client.GetAsync("/api/v1/results/policies/watch");
        await pending.DrainAsync();
        return await client.GetAsync("/api/v1/results/policies/watch");
    }
}
