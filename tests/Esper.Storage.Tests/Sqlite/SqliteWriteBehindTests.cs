using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A write-behind store answers once a write is in its log and writes SQLite behind: what it answered must be what
/// the file holds after a crash, whatever the log's tail looks like, and its memory must stay bounded.
/// </summary>
public sealed class SqliteWriteBehindTests : IDisposable
{
    private static readonly CounterUpdate Increment = new() { Add = new Dictionary<string, long> { ["hits"] = 1 } };

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string CrashDirectory => Path.Combine(_database.Directory, "crash");

    [Theory]
    [InlineData(SqliteSynchronousMode.Normal)]
    [InlineData(SqliteSynchronousMode.Full)]
    public async Task Acknowledged_writes_only_in_the_log_are_replayed_into_the_file_on_open(SqliteSynchronousMode synchronous)
    {
        var doc = new ItemKey("t1#config", "policy#p1");
        var gone = new ItemKey("t1#config", "policy#gone");
        var counter = new ItemKey("t1#state", "entity#e1");
        string copy;
        string version;
        using (var store = Open(synchronous))
        {
            await store.PutAsync(gone, "{}", WriteCondition.None);
            store.Checkpoint();
            version = (await store.PutAsync(doc, "{\"v\":1}", WriteCondition.IfAbsent, _clock.GetUtcNow().AddHours(1))).Version!;
            Assert.True((await store.DeleteAsync(gone)).Succeeded);
            for (var i = 0; i < 5; i++)
            {
                await store.UpdateCountersAsync(counter, Increment);
            }

            // SQLite still has only the checkpointed document: the rest is in the log and in memory.
            Assert.Equal((1, 0), LogFiles.Rows(_database.FilePath));
            copy = LogFiles.CrashCopy(_database.FilePath, CrashDirectory);
        }

        using var reopened = new SqliteKeyValueStore(copy, _clock);
        var item = await reopened.GetAsync(doc);
        Assert.Equal(("{\"v\":1}", version), (item?.Document, item?.Version));
        Assert.Equal(_clock.GetUtcNow().AddHours(1), item!.ExpiresAt);
        Assert.Null(await reopened.GetAsync(gone));
        Assert.Equal(5, (await reopened.GetCountersAsync(counter))["hits"]);
        Assert.Equal((1, 1), LogFiles.Rows(copy));
        Assert.All(LogFiles.Segments(copy), static s => Assert.Equal(0, new FileInfo(s).Length));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("damaged")]
    public async Task A_torn_or_damaged_last_frame_is_ignored_and_the_frames_before_it_are_replayed(string damage)
    {
        string copy;
        using (var store = Open())
        {
            await store.PutAsync(new ItemKey("t1#doc", "first"), "{\"n\":1}", WriteCondition.None);
            await store.PutAsync(new ItemKey("t1#doc", "second"), "{\"n\":2}", WriteCondition.None);
            copy = LogFiles.CrashCopy(_database.FilePath, CrashDirectory);
        }

        var segment = Assert.Single(LogFiles.Segments(copy));
        var bytes = await File.ReadAllBytesAsync(segment);
        if (damage == "cut")
        {
            // The process died part-way through writing the second frame.
            Array.Resize(ref bytes, bytes.Length - 3);
        }
        else
        {
            bytes[^2] ^= 0x5A;
        }

        await File.WriteAllBytesAsync(segment, bytes);

        using var reopened = new SqliteKeyValueStore(copy, _clock);
        Assert.Equal("{\"n\":1}", (await reopened.GetAsync(new ItemKey("t1#doc", "first")))?.Document);
        Assert.Null(await reopened.GetAsync(new ItemKey("t1#doc", "second")));
    }

    [Fact]
    public async Task A_crash_between_a_checkpoints_commit_and_its_segment_delete_replays_without_changing_anything()
    {
        var counter = new ItemKey("t1#state", "entity#e1");
        var doc = new ItemKey("t1#doc", "d");
        string copy;
        using (var store = Open())
        {
            await store.UpdateCountersAsync(counter, new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 5 } });
            await store.PutAsync(doc, "{\"v\":1}", WriteCondition.None);
            var checkpointed = LogFiles.Segments(_database.FilePath).ToDictionary(static s => Path.GetFileName(s), File.ReadAllBytes);
            store.Checkpoint();
            await store.UpdateCountersAsync(counter, new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 2 } });
            await store.PutAsync(doc, "{\"v\":2}", WriteCondition.None);
            copy = LogFiles.CrashCopy(_database.FilePath, CrashDirectory);

            // The checkpoint's COMMIT happened, its segment delete did not.
            foreach (var (name, bytes) in checkpointed)
            {
                await File.WriteAllBytesAsync(Path.Combine(CrashDirectory, name), bytes);
            }
        }

        Assert.True(LogFiles.Segments(copy).Length >= 2);
        using var reopened = new SqliteKeyValueStore(copy, _clock);
        Assert.Equal(7, (await reopened.GetCountersAsync(counter))["hits"]);
        Assert.Equal("{\"v\":2}", (await reopened.GetAsync(doc))?.Document);
    }

    [Fact]
    public async Task Writers_wait_at_the_logged_item_bound_until_a_checkpoint_makes_room()
    {
        const int Bound = 10;
        using var store = new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero, MaxLoggedItems = Bound, BusyTimeout = TimeSpan.FromMinutes(1) },
            _clock);

        // Another connection holds SQLite's write lock, so no checkpoint can commit.
        using var other = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        other.Open();
        var transaction = other.BeginTransaction(deferred: false);
        for (var i = 0; i < Bound; i++)
        {
            await store.PutAsync(new ItemKey("t1#doc", $"d{i}"), "{}", WriteCondition.None);
        }

        var waiting = store.PutAsync(new ItemKey("t1#doc", "over"), "{}", WriteCondition.None).AsTask();

        Assert.False(waiting.IsCompleted);
        Assert.Equal(Bound, store.LoggedItems);
        transaction.Commit();
        transaction.Dispose();
        Assert.True((await waiting.WaitAsync(TimeSpan.FromMinutes(2))).Succeeded);

        // Within the bound again; a wake left over from the wait may already have checkpointed the new write too.
        Assert.InRange(store.LoggedItems, 0, Bound);
        Assert.NotNull(await store.GetAsync(new ItemKey("t1#doc", "over")));
    }

    [Fact]
    public async Task Writes_are_refused_with_the_sqlite_error_while_checkpoints_fail_and_resume_after_one_succeeds()
    {
        using var store = new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero, BusyTimeout = TimeSpan.FromMilliseconds(50) },
            _clock);
        using var other = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        other.Open();
        var transaction = other.BeginTransaction(deferred: false);

        // Logged, and answered, while SQLite is locked; the checkpoint that would write it fails.
        Assert.True((await store.PutAsync(new ItemKey("t1#doc", "logged"), "{}", WriteCondition.None)).Succeeded);
        Assert.Equal(5, Assert.Throws<SqliteException>(store.Checkpoint).SqliteErrorCode);
        var refused = await Assert.ThrowsAsync<SqliteException>(async () => await store.PutAsync(new ItemKey("t1#doc", "refused"), "{}", WriteCondition.None));

        transaction.Rollback();
        transaction.Dispose();
        store.Checkpoint();

        Assert.Equal(5, refused.SqliteErrorCode);
        Assert.True((await store.PutAsync(new ItemKey("t1#doc", "after"), "{}", WriteCondition.None)).Succeeded);
        Assert.NotNull(await store.GetAsync(new ItemKey("t1#doc", "logged")));
        Assert.Null(await store.GetAsync(new ItemKey("t1#doc", "refused")));
    }

    [Fact]
    public async Task A_failed_checkpoint_is_counted_on_the_meter_with_the_sqlite_error()
    {
        var busy = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = static (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteStoreMetrics.Name && instrument.Name == "esper.sqlite.checkpoint.failed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "error" && (string?)tag.Value == "sqlite_5")
                {
                    Interlocked.Add(ref busy, value);
                }
            }
        });
        listener.Start();
        using var store = new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero, BusyTimeout = TimeSpan.FromMilliseconds(50) },
            _clock);
        using var other = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        other.Open();
        using (var transaction = other.BeginTransaction(deferred: false))
        {
            await store.PutAsync(new ItemKey("t1#doc", "logged"), "{}", WriteCondition.None);
            var before = Interlocked.Read(ref busy);
            Assert.Throws<SqliteException>(store.Checkpoint);
            Assert.True(Interlocked.Read(ref busy) > before);
            transaction.Rollback();
        }

        var after = Interlocked.Read(ref busy);
        store.Checkpoint();
        Assert.NotNull(await store.GetAsync(new ItemKey("t1#doc", "logged")));
        Assert.True(after > 0);
    }

    [Fact]
    public async Task A_query_merges_logged_writes_over_checkpointed_rows_in_order_and_limit()
    {
        using var store = Open();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await store.PutAsync(new ItemKey("t1#config", "policy#" + name), $"\"{name}\"", WriteCondition.None);
        }

        store.Checkpoint();
        await store.PutAsync(new ItemKey("t1#config", "policy#b"), "\"b2\"", WriteCondition.None);
        await store.DeleteAsync(new ItemKey("t1#config", "policy#c"));
        await store.PutAsync(new ItemKey("t1#config", "policy#f"), "\"f\"", WriteCondition.None);
        await store.PutAsync(new ItemKey("t1#config", "policy#aa"), "\"aa\"", WriteCondition.None, _clock.GetUtcNow().AddSeconds(1));
        await store.PutAsync(new ItemKey("t1#config", "other#z"), "\"z\"", WriteCondition.None);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var first = await store.QueryAsync("t1#config", "policy#", new QueryOptions(Limit: 3));
        var last = await store.QueryAsync("t1#config", "policy#", new QueryOptions(Limit: 2, Descending: true));
        var all = await store.QueryAsync("t1#config", "");

        Assert.Equal(["\"a\"", "\"b2\"", "\"d\""], first.Select(static i => i.Document));
        Assert.Equal(["\"f\"", "\"e\""], last.Select(static i => i.Document));
        Assert.Equal(["\"z\"", "\"a\"", "\"b2\"", "\"d\"", "\"e\"", "\"f\""], all.Select(static i => i.Document));
    }

    [Fact]
    public async Task A_document_reads_back_as_written_from_memory_from_the_file_and_after_a_replay()
    {
        // Logged documents are held as UTF-8: text outside ASCII, escapes and four-byte characters must round-trip.
        const string document = "{\"name\":\"Zoë — 東京 🚀\",\"quote\":\"a \\\"b\\\" c\"}";
        var logged = new ItemKey("t1#config", "policy#logged");
        var checkpointed = new ItemKey("t1#config", "policy#checkpointed");
        string copy;
        using (var store = Open(SqliteSynchronousMode.Normal))
        {
            await store.PutAsync(checkpointed, document, WriteCondition.None);
            store.Checkpoint();
            await store.PutAsync(logged, document, WriteCondition.None);

            Assert.Equal(document, (await store.GetAsync(logged))?.Document);
            Assert.Equal(document, (await store.GetAsync(checkpointed))?.Document);
            Assert.Equal([document, document], (await store.QueryAsync("t1#config", "policy#")).Select(static i => i.Document));
            copy = LogFiles.CrashCopy(_database.FilePath, CrashDirectory);
        }

        using var reopened = new SqliteKeyValueStore(copy, _clock);
        Assert.Equal(document, (await reopened.GetAsync(logged))?.Document);
        Assert.Equal(document, (await reopened.GetAsync(checkpointed))?.Document);

        // Written from the layer's bytes, the rows still hold text (SQL functions and other readers see a string).
        using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(document) || ':' || document FROM items WHERE pk = 't1#config' ORDER BY sk";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["text:" + document, "text:" + document], rows);
    }

    [Fact]
    public async Task A_checkpoint_moves_the_log_into_the_file_and_deletes_its_segments()
    {
        var counter = new ItemKey("t1#state", "entity#e1");
        using (var store = Open())
        {
            for (var i = 0; i < 500; i++)
            {
                await store.UpdateCountersAsync(counter, Increment);
            }

            await store.PutAsync(new ItemKey("t1#doc", "put-then-deleted"), "{}", WriteCondition.None);
            await store.DeleteAsync(new ItemKey("t1#doc", "put-then-deleted"));
            Assert.True(new FileInfo(Assert.Single(LogFiles.Segments(_database.FilePath))).Length > 0);
            Assert.Equal(2, store.LoggedItems);

            store.Checkpoint();

            Assert.Equal(0, store.LoggedItems);
            Assert.Equal((0, 1), LogFiles.Rows(_database.FilePath));
            Assert.All(LogFiles.Segments(_database.FilePath), static s => Assert.Equal(0, new FileInfo(s).Length));
            Assert.Equal(500, (await store.GetCountersAsync(counter))["hits"]);
        }

        Assert.Empty(LogFiles.Segments(_database.FilePath));
    }

    [Fact]
    public async Task Disposing_after_the_data_directory_was_removed_does_not_throw()
    {
        var path = Path.Combine(_database.Directory, "removed", "esper.db");
        var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = path, CheckpointInterval = TimeSpan.Zero }, _clock);
        await store.PutAsync(new ItemKey("t1#doc", "d"), "{}", WriteCondition.None);
        store.Checkpoint();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

        var error = Record.Exception(store.Dispose);

        Assert.Null(error);
    }

    [Fact]
    public async Task The_checkpoint_interval_runs_on_the_stores_clock()
    {
        using var store = new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.FromSeconds(1) },
            _clock);
        await store.PutAsync(new ItemKey("t1#doc", "d"), "{}", WriteCondition.None);
        Assert.Equal(1, store.LoggedItems);

        _clock.Advance(TimeSpan.FromSeconds(1));

        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (store.LoggedItems > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, store.LoggedItems);
        Assert.Equal((1, 0), LogFiles.Rows(_database.FilePath));
    }

    private SqliteKeyValueStore Open(SqliteSynchronousMode synchronous = SqliteSynchronousMode.Normal) =>
        new(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero, Synchronous = synchronous }, _clock);

    public void Dispose() => _database.Dispose();
}
