using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;
using Esper.Storage.Tests.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Repositories;

public sealed class DecisionIdsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Ids_made_later_sort_later_and_so_do_the_keys_of_their_details()
    {
        var at = _clock.GetUtcNow();
        var ids = Enumerable.Range(0, 50).Select(i => DecisionIds.New(at.AddMilliseconds(i))).ToList();

        Assert.All(ids, id => Assert.True(DecisionIds.IsTimeOrdered(id), id));
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        var keys = ids.Select(id => StorageKeys.DecisionById("t1", id).PartitionKey).ToList();
        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dec_00000000000000000000")]
    [InlineData("dec_0190A3B4C5D6e7f8a9b0c1d")]
    [InlineData("dec_0190a3b4c5d/e7f8a9b0c1d")]
    [InlineData("../../dec_0190a3b4c5de7f8a9b0c1d")]
    public void Any_other_text_is_hashed_into_the_detail_key(string id)
    {
        Assert.False(DecisionIds.IsTimeOrdered(id));
        Assert.Equal($"t1#decision#{StorageKeys.Hash(id)}", StorageKeys.DecisionById("t1", id).PartitionKey);
    }

    [Fact]
    public async Task Details_are_found_by_time_ordered_ids_and_by_older_random_ids()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new DecisionRepository(store);
        var now = _clock.GetUtcNow();
        var ids = new[] { DecisionIds.New(now), "dec_0123456789abcdef0123" };
        var batch = new List<BatchItem>();
        foreach (var id in ids)
        {
            var record = new DecisionRecord(id, now, "allow", null, null, null, false, [], [], "198.18.0.1", "/");
            DecisionRepository.AddTo(batch, "t1", record, now.AddDays(7), []);
        }

        await repository.WriteAsync(batch);

        // The time-ordered id is read from the tenant's record; only the random one needs a detail item of its own.
        Assert.DoesNotContain(batch, b => b.Key == new ItemKey($"t1#decision#{ids[0]}", "detail"));
        Assert.Contains(batch, b => b.Key == StorageKeys.DecisionById("t1", ids[1]));
        foreach (var id in ids)
        {
            Assert.Equal(id, (await repository.GetAsync("t1", id))!.Record.DecisionId);
        }
    }

    [Theory]
    [InlineData("dec_0190a3b4c5de7f8a9b0c1d2", 0x190a3b4c5dL)]
    [InlineData("dec_00000000000000000000000", 0L)]
    public void A_time_ordered_id_gives_back_its_time(string id, long ms)
    {
        Assert.True(DecisionIds.TryGetTime(id, out var at));
        Assert.Equal(ms, at.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("dec_0123456789abcdef0123")]
    [InlineData("dec_0190A3B4C5De7f8a9b0c1d2")]
    [InlineData("not an id")]
    public void Any_other_id_has_no_time(string id) => Assert.False(DecisionIds.TryGetTime(id, out _));

    public void Dispose() => _database.Dispose();
}
