using Esper.Core.Fields;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Storage.ContractTests;

/// <summary>The replay jobs' layout on the store: reading recorded decisions by time in chunks, job documents, job state.</summary>
public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Replay_reads_a_time_range_of_recorded_decisions_in_bounded_chunks_in_time_order()
    {
        var tenant = Partition("t1");
        var start = StartTime.AddDays(-1).AddMilliseconds(-7);
        var end = start.AddHours(5);
        var times = new List<DateTimeOffset> { start.AddMilliseconds(-1), end, end.AddSeconds(3) };
        times.AddRange(Enumerable.Range(0, 25).Select(i => start.AddSeconds(2).AddMilliseconds(i * 13)));
        times.AddRange(Enumerable.Range(0, 3).Select(_ => start.AddMinutes(30).AddMilliseconds(5)));
        times.AddRange(Enumerable.Range(0, 12).Select(i => start.AddMinutes(47 + (i * 19))));
        times.Add(start);
        var batch = new List<BatchItem>();
        for (var i = 0; i < times.Count; i++)
        {
            DecisionRepository.AddTo(batch, tenant, Record($"dec_{i:D3}", times[i]), StartTime.AddDays(7));
        }

        await Store.BatchPutAsync(batch);
        var expected = times.Select((t, i) => (t, Id: $"dec_{i:D3}")).Where(p => p.t >= start && p.t < end).OrderBy(p => p.t).ThenBy(p => p.Id).Select(p => p.Id).ToList();

        var repository = new DecisionRepository(Store);
        var cursor = DecisionCursor.At(start);
        var read = new List<DecisionRecord>();
        for (var chunks = 0; ; chunks++)
        {
            Assert.True(chunks < 50, "the range did not end");
            var chunk = await repository.ReadChunkAsync(tenant, cursor, end, maxRecords: 10);
            Assert.True(chunk.Records.Count <= 10, $"a chunk held {chunk.Records.Count} records");
            read.AddRange(chunk.Records);
            cursor = chunk.Next;
            if (chunk.Done)
            {
                break;
            }
        }

        Assert.Equal(expected, read.Select(r => r.DecisionId));
        Assert.All(read, r => Assert.Equal("/login", r.Event?.Path));
        Assert.All(read, r => Assert.Equal("1", r.EncodingVersion));
    }

    [Fact]
    public async Task Replay_job_document_changes_only_at_the_version_it_was_read_at()
    {
        var tenant = Partition("t1");
        var jobs = new ReplayJobRepository(Store);
        var expires = StartTime.AddDays(7);

        Assert.True(await jobs.CreateAsync(tenant, "rpl_1", """{"n":1}""", expires));
        Assert.False(await jobs.CreateAsync(tenant, "rpl_1", """{"n":9}""", expires));
        Assert.True(await jobs.CreateAsync(tenant, "rpl_2", """{"n":2}""", expires));
        var read = (await jobs.GetAsync(tenant, "rpl_1"))!;
        var claimed = await jobs.ReplaceAsync(tenant, "rpl_1", """{"n":3}""", read.Version, expires);
        var stale = await jobs.ReplaceAsync(tenant, "rpl_1", """{"n":4}""", read.Version, expires);

        Assert.True(claimed.Succeeded);
        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal("""{"n":3}""", (await jobs.GetAsync(tenant, "rpl_1"))!.Document);
        Assert.Equal(["rpl_2", "rpl_1"], (await jobs.ListAsync(tenant, 10)).Select(i => i.Key.SortKey));
    }

    [Fact]
    public async Task Replay_state_keeps_counters_and_replay_time_expiry_per_entity_key()
    {
        var tenant = Partition("t1");
        var states = new ReplayStateRepository(Store);
        var replayTime = StartTime.AddDays(-3);
        await states.PutManyAsync(tenant, "rpl_1", new Dictionary<string, ReplayStateItem>
        {
            ["ip-user-agent_00aa"] = new(new Dictionary<string, long> { ["w60_1"] = 4, ["p_burst"] = 1_900_000_000 }, replayTime),
            ["session_11bb"] = new(new Dictionary<string, long>(), replayTime.AddHours(1)),
        }, StartTime.AddDays(7));

        var found = await states.GetManyAsync(tenant, "rpl_1", ["ip-user-agent_00aa", "session_11bb", "absent_22cc"]);
        var other = await states.GetManyAsync(tenant, "rpl_2", ["ip-user-agent_00aa"]);

        Assert.Equal(["ip-user-agent_00aa", "session_11bb"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, found["ip-user-agent_00aa"].Counters["w60_1"]);
        Assert.Equal(1_900_000_000, found["ip-user-agent_00aa"].Counters["p_burst"]);
        Assert.Equal(replayTime, found["ip-user-agent_00aa"].ExpiresAt);
        Assert.Empty(other);
    }

    private static DecisionRecord Record(string id, DateTimeOffset at) => new(
        id, at, "allow", null, null, "no policy fired", false, [], ["login"], "203.0.113.9", "/login",
        EncodingVersion: "1", ConfigVersion: "3", Outcomes: [], Event: new RuntimeEvent { Method = "POST", Path = "/login", ClientIp = "203.0.113.9" });
}
