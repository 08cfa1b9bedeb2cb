using System.Text.Json;
using Esper.Core.Fields;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;
using Esper.Storage.Tests.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Repositories;

/// <summary>
/// A decision is stored as its tenant record (event and matches included) plus one copy per matched policy; the
/// detail read by id is built from the tenant record, and records written before that layout still read back.
/// </summary>
public sealed class DecisionRecordLayoutTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly DecisionMatchRecord[] Matches =
    [
        new("w", 0, "burst", "b", "block", false, 6, true, false),
        new("l", 0, null, "o", "observe", true, null, false, false),
    ];

    [Fact]
    public async Task A_decision_is_one_tenant_item_and_one_per_policy_and_its_detail_is_built_as_the_detail_item_was()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new DecisionRepository(store);
        var record = Record(DecisionIds.New(_clock.GetUtcNow()), Event(body: """{"password":"hunter2"}"""));
        var batch = new List<BatchItem>();

        DecisionRepository.AddTo(batch, "t1", record, _clock.GetUtcNow().AddDays(7), Matches);
        await repository.WriteAsync(batch);

        Assert.Equal(["t1#decisions", "t1#policy-decisions#w", "t1#policy-decisions#l"], batch.Select(b => b.Key.PartitionKey));
        var detail = await repository.GetAsync("t1", record.DecisionId);
        var before = new DecisionDetail(record with { Event = null }, Matches, DecisionRepository.Redact(record.Event!));
        Assert.Equal(Serialize(before), Serialize(detail!));
        Assert.Equal("[redacted]", detail!.Event!.Headers["authorization"]);
        Assert.Null(detail.Event.BodyJson);
    }

    [Fact]
    public async Task The_tenant_record_still_reads_as_the_record_with_its_event_and_policy_copies_leave_it_out()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new DecisionRepository(store);
        var record = Record(DecisionIds.New(_clock.GetUtcNow()), Event(body: """{"a":1}"""));
        var batch = new List<BatchItem>();

        DecisionRepository.AddTo(batch, "t1", record, _clock.GetUtcNow().AddDays(7), Matches);
        await repository.WriteAsync(batch);

        var chunk = await repository.ReadChunkAsync("t1", new DecisionCursor(0, DecisionTimeSlices.MaxExponent), _clock.GetUtcNow().AddSeconds(1), 10);
        var read = Assert.Single(chunk.Records);
        Assert.Equal(JsonSerializer.Serialize(record, StorageJsonContext.Default.DecisionRecord), JsonSerializer.Serialize(read, StorageJsonContext.Default.DecisionRecord));
        Assert.Equal(JsonSerializer.Serialize(record with { Event = null }, StorageJsonContext.Default.DecisionRecord), batch[1].Document);
        Assert.True(await repository.ExistsAsync("t1", record.DecidedAt, record.DecisionId));
    }

    [Fact]
    public async Task Records_and_detail_items_written_before_records_carried_their_matches_still_read_by_id()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new DecisionRepository(store);
        var at = _clock.GetUtcNow();
        var timeOrdered = DecisionIds.New(at);
        const string random = "dec_0123456789abcdef0123";
        var items = new List<BatchItem>();
        foreach (var id in new[] { timeOrdered, random })
        {
            // As an earlier version wrote them: the tenant record without matches, and the detail as its own item.
            var recordJson = """{"decision_id":"ID","decided_at":"2031-01-01T00:00:00+00:00","action":"block","policy_id":"w","mitigation_id":"b","reason":"window","beacon":false,"matched_policy_ids":["w"],"actions":[],"client_ip":"198.18.0.1","path":"/login","event":{"path":"/login","client_ip":"198.18.0.1","headers":{},"query_params":{},"cookies":{},"route_params":{},"fields":{}}}""".Replace("ID", id, StringComparison.Ordinal);
            var detailJson = """{"record":{"decision_id":"ID","decided_at":"2031-01-01T00:00:00+00:00","action":"block","policy_id":"w","mitigation_id":"b","reason":"window","beacon":false,"matched_policy_ids":["w"],"actions":[],"client_ip":"198.18.0.1","path":"/login"},"matches":[{"policy_id":"w","clause":0,"clause_name":"burst","mitigation_id":"b","mode":"block","dry_run":false,"window_count":6,"penalty_active":true,"waived":false}],"event":{"path":"/login","client_ip":"198.18.0.1","headers":{"authorization":"[redacted]"},"query_params":{},"cookies":{},"route_params":{},"fields":{}}}""".Replace("ID", id, StringComparison.Ordinal);
            items.Add(new BatchItem(new ItemKey(StorageKeys.DecisionPartition("t1"), StorageKeys.TimeSortKey(at, id)), recordJson, at.AddDays(7)));
            items.Add(new BatchItem(StorageKeys.DecisionById("t1", id), detailJson, at.AddDays(7)));
        }

        await store.BatchPutAsync(items);

        foreach (var id in new[] { timeOrdered, random })
        {
            var detail = await repository.GetAsync("t1", id);
            Assert.Equal(id, detail!.Record.DecisionId);
            Assert.Equal(6, Assert.Single(detail.Matches).WindowCount);
            Assert.Equal("[redacted]", detail.Event!.Headers["authorization"]);
        }
    }

    [Fact]
    public async Task An_event_too_large_for_the_record_is_omitted_there_and_the_detail_keeps_its_redacted_copy()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new DecisionRepository(store);
        var body = $$"""{"blob":"{{new string('x', DecisionRepository.MaxDocumentChars)}}"}""";
        var record = Record(DecisionIds.New(_clock.GetUtcNow()), Event(body));
        var batch = new List<BatchItem>();

        DecisionRepository.AddTo(batch, "t1", record, _clock.GetUtcNow().AddDays(7), Matches);
        await repository.WriteAsync(batch);

        var stored = JsonSerializer.Deserialize(batch[0].Document, StorageJsonContext.Default.DecisionRecord)!;
        Assert.True(stored.EventOmitted);
        Assert.Null(stored.Event);
        Assert.Contains(batch, b => b.Key == StorageKeys.DecisionById("t1", record.DecisionId));
        var detail = await repository.GetAsync("t1", record.DecisionId);
        Assert.Equal(Serialize(new DecisionDetail(record with { Event = null }, Matches, DecisionRepository.Redact(record.Event!))), Serialize(detail!));
    }

    [Fact]
    public async Task A_recovered_decision_with_an_older_random_id_keeps_its_detail_item()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new DecisionRepository(store);
        var record = Record("dec_0123456789abcdef0123", Event(body: null)) with { Recovered = true };
        var batch = new List<BatchItem>();

        DecisionRepository.AddTo(batch, "t1", record, _clock.GetUtcNow().AddDays(7), Matches);
        await repository.WriteAsync(batch);

        Assert.Contains(batch, b => b.Key == StorageKeys.DecisionById("t1", record.DecisionId));
        Assert.Equal(2, (await repository.GetAsync("t1", record.DecisionId))!.Matches.Count);
    }

    private DecisionRecord Record(string id, RuntimeEvent ev) =>
        new(id, _clock.GetUtcNow(), "block", "w", "b", "window", false, ["w", "l", "w"], ["login"], ev.ClientIp, ev.Path,
            EncodingVersion: "v1", ConfigVersion: "7", Outcomes: [new RecordedOutcome("w", "block", false)], Event: ev);

    private static RuntimeEvent Event(string? body) => new()
    {
        ObservedAt = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Method = "POST",
        Path = "/login",
        ClientIp = "198.18.0.1",
        UserAgent = "Mozilla/5.0 (\u00e9t\u00e9)",
        Headers = new Dictionary<string, string> { ["authorization"] = "Bearer secret", ["accept"] = "text/html" },
        Cookies = new Dictionary<string, string> { ["session"] = "abc" },
        QueryParams = new Dictionary<string, string> { ["q"] = "\"quoted\"" },
        BodyJson = body,
    };

    private static string Serialize(DecisionDetail detail) => JsonSerializer.Serialize(detail, StorageJsonContext.Default.DecisionDetail);

    public void Dispose() => _database.Dispose();
}
