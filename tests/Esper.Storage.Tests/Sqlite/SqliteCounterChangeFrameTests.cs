using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// An update of a counter item that exists logs only the counters it changed, as their new values; replaying those
/// frames over the file, in order, gives back what the store answered, and a segment of whole-state frames (as
/// written before frames of changes existed) still replays.
/// </summary>
public sealed class SqliteCounterChangeFrameTests : IDisposable
{
    private static readonly ItemKey Hour = new("t1#results#p1#0", "h#500000");

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string CrashDirectory => Path.Combine(_database.Directory, "crash");

    [Fact]
    public async Task An_update_of_an_existing_item_logs_only_the_counters_it_changed()
    {
        using var store = Open(_database.FilePath);
        await store.UpdateCountersAsync(Hour, Add([.. Enumerable.Range(0, 50).Select(static i => $"m{i:D2}_total")]));
        store.Checkpoint();

        await store.UpdateCountersAsync(Hour, Add("m07_total", "m50_total"));

        var logged = Assert.Single(LoggedItems(_database.FilePath));
        Assert.Equal(SqliteLoggedItemKind.CounterChanges, logged.Value.Kind);
        Assert.Equal(new Dictionary<string, long> { ["m07_total"] = 2, ["m50_total"] = 1 }, logged.Value.Counters!.Values);
    }

    [Fact]
    public async Task A_new_item_a_removal_and_a_restart_after_expiry_log_the_whole_state()
    {
        using var store = Open(_database.FilePath);
        await store.UpdateCountersAsync(Hour, new CounterUpdate
        {
            Add = Enumerable.Range(0, 10).ToDictionary(static i => $"c{i}", static _ => 1L),
            ExpiresAt = _clock.GetUtcNow().AddMinutes(1),
        });
        await store.UpdateCountersAsync(Hour, new CounterUpdate { Remove = ["c9"] });
        _clock.Advance(TimeSpan.FromMinutes(2));
        await store.UpdateCountersAsync(Hour, Add("c0"));

        var logged = LoggedItems(_database.FilePath);
        Assert.Equal([SqliteLoggedItemKind.Counters, SqliteLoggedItemKind.Counters, SqliteLoggedItemKind.Counters], logged.Select(static l => l.Value.Kind));
        Assert.Equal(9, logged[1].Value.Counters!.Values.Count);
        Assert.Equal(new Dictionary<string, long> { ["c0"] = 1 }, logged[2].Value.Counters!.Values);
    }

    [Fact]
    public void A_frame_records_every_counter_changed_by_the_group_it_ends()
    {
        var before = new SqliteCounterState(true, null, Enumerable.Range(0, 20).ToDictionary(static i => $"c{i}", static _ => 1L, StringComparer.Ordinal));
        var first = SqliteCounterMath.Next(before, Add("c1"), 0);
        var staged = SqliteLoggedItem.CounterItem(first, SqliteCounterMath.Changed(before, Add("c1"), 0, null)!);

        var changed = SqliteCounterMath.Changed(first, Add("c2", "c30"), 0, staged);

        Assert.Equal(["c1", "c2", "c30"], changed!.Order(StringComparer.Ordinal));
        Assert.Null(SqliteCounterMath.Changed(first, Add("c2"), 0, SqliteLoggedItem.CounterItem(first)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Replaying_frames_of_changes_over_the_file_gives_what_the_store_answered(int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 3).Select(static i => new ItemKey("t1#traffic#" + i, "h#500000")).ToArray();
        var model = new Model();
        string copy;
        using (var store = Open(_database.FilePath))
        {
            foreach (var key in keys)
            {
                model.Apply(key, Add([.. Enumerable.Range(0, 30).Select(static i => $"m{i:D2}_total")]), _clock.GetUtcNow());
                await store.UpdateCountersAsync(key, Add([.. Enumerable.Range(0, 30).Select(static i => $"m{i:D2}_total")]));
            }

            Dictionary<string, byte[]>? checkpointed = null;
            for (var step = 0; step < 300; step++)
            {
                var key = keys[random.Next(keys.Length)];
                var roll = random.Next(100);
                if (roll < 40)
                {
                    // Several adds at once, grouped into one frame by the write turn: the frame holds the item's last
                    // state, so it must record every counter the group changed.
                    var batch = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Add(Name(random), Name(random))).ToArray();
                    foreach (var update in batch)
                    {
                        model.Apply(key, update, _clock.GetUtcNow());
                    }

                    await Task.WhenAll(batch.Select(u => store.UpdateCountersAsync(key, u).AsTask()));
                    continue;
                }

                var single = roll switch
                {
                    < 70 => Add(Name(random)),
                    < 85 => new CounterUpdate { Set = new Dictionary<string, long> { [Name(random)] = random.Next(-5, 1000) } },
                    < 90 => new CounterUpdate { Remove = [Name(random)] },
                    < 93 => new CounterUpdate { Add = new Dictionary<string, long> { [Name(random)] = 1 }, ExpiresAt = _clock.GetUtcNow().AddMinutes(random.Next(1, 3)) },
                    < 95 => null,
                    _ => Add(),
                };
                if (single is null)
                {
                    _clock.Advance(TimeSpan.FromMinutes(1));
                    continue;
                }

                model.Apply(key, single, _clock.GetUtcNow());
                var answered = await store.UpdateCountersAsync(key, single);
                Assert.Equal(model.Live(key, _clock.GetUtcNow()), answered);
                if (random.Next(100) < 8)
                {
                    checkpointed = LogFiles.Segments(_database.FilePath).ToDictionary(static s => Path.GetFileName(s), File.ReadAllBytes);
                    store.Checkpoint();
                }
            }

            Assert.Contains(LoggedItems(_database.FilePath), static l => l.Value.Kind == SqliteLoggedItemKind.CounterChanges);
            foreach (var key in keys)
            {
                Assert.Equal(model.Live(key, _clock.GetUtcNow()), await store.GetCountersAsync(key));
            }

            copy = LogFiles.CrashCopy(_database.FilePath, CrashDirectory);

            // And as if the last checkpoint's segment delete had not happened: its frames replay over a file that
            // already holds newer values, and the frames after them bring those back.
            foreach (var (name, bytes) in checkpointed ?? [])
            {
                await File.WriteAllBytesAsync(Path.Combine(CrashDirectory, name), bytes);
            }
        }

        using var reopened = Open(copy);
        foreach (var key in keys)
        {
            Assert.Equal(model.Live(key, _clock.GetUtcNow()), await reopened.GetCountersAsync(key));
        }
    }

    [Fact]
    public async Task A_segment_of_whole_counter_states_written_before_frames_of_changes_still_replays()
    {
        using (var store = Open(_database.FilePath))
        {
            await store.UpdateCountersAsync(Hour, Add("a", "b", "c"));
        }

        // A frame in the layout every earlier version wrote: a count, then per item its kind (3: counters), key,
        // expiry and every counter's name and value.
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload))
        {
            writer.Write(1);
            writer.Write((byte)3);
            writer.Write(Hour.PartitionKey);
            writer.Write(Hour.SortKey);
            writer.Write(true);
            writer.Write(_clock.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds());
            writer.Write(2);
            writer.Write("a");
            writer.Write(5L);
            writer.Write("d");
            writer.Write(7L);
        }

        var body = payload.ToArray();
        var frame = new byte[8 + body.Length];
        BitConverter.TryWriteBytes(frame.AsSpan(0, 4), body.Length);
        BitConverter.TryWriteBytes(frame.AsSpan(4, 4), SqliteLogChecksum.Compute(body));
        body.CopyTo(frame, 8);
        await File.WriteAllBytesAsync(_database.FilePath + "-log.000001", frame);

        using var reopened = Open(_database.FilePath);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 5, ["d"] = 7 }, await reopened.GetCountersAsync(Hour));
        Assert.Equal(new Dictionary<string, long> { ["a"] = 5, ["d"] = 7 }, LogFiles.CounterRow(_database.FilePath, Hour));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await reopened.GetCountersAsync(Hour));
    }

    private static string Name(Random random) => $"m{random.Next(0, 40):D2}_total";

    private static CounterUpdate Add(params string[] names) =>
        new() { Add = names.Distinct().ToDictionary(static n => n, static _ => 1L, StringComparer.Ordinal) };

    private static List<KeyValuePair<ItemKey, SqliteLoggedItem>> LoggedItems(string databasePath) =>
        [.. LogFiles.Segments(databasePath).SelectMany(static s => SqliteLogFrame.Read(File.ReadAllBytes(s)))];

    private SqliteKeyValueStore Open(string path) =>
        new(new SqliteStoreOptions { Path = path, WriteBehind = true, CheckpointInterval = TimeSpan.Zero }, _clock);

    public void Dispose() => _database.Dispose();

    /// <summary>The counters each item should hold, by the contract: add, set, remove, expiry restarts from zero.</summary>
    private sealed class Model
    {
        private readonly Dictionary<ItemKey, (Dictionary<string, long> Values, DateTimeOffset? ExpiresAt)> _items = [];

        public void Apply(ItemKey key, CounterUpdate update, DateTimeOffset now)
        {
            if (!_items.TryGetValue(key, out var item) || item.ExpiresAt <= now)
            {
                item = (new Dictionary<string, long>(StringComparer.Ordinal), null);
            }

            update.ApplyTo(item.Values);
            _items[key] = (item.Values, update.ExpiresAt ?? item.ExpiresAt);
        }

        public Dictionary<string, long> Live(ItemKey key, DateTimeOffset now) =>
            _items.TryGetValue(key, out var item) && !(item.ExpiresAt <= now)
                ? new Dictionary<string, long>(item.Values, StringComparer.Ordinal)
                : [];
    }
}
