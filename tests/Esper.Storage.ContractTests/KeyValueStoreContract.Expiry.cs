using Esper.Storage.KeyValue;

namespace Esper.Storage.ContractTests;

public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Item_is_visible_until_its_expiry_and_invisible_from_then_on()
    {
        var key = Key("t1#idempotency", "key#k1");
        await Store.PutAsync(key, "{}", WriteCondition.None, StartTime.AddSeconds(10));

        Clock.Advance(TimeSpan.FromSeconds(9));
        var before = await Store.GetAsync(key);
        var queriedBefore = await Store.QueryAsync(key.PartitionKey, "key#");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await Store.GetAsync(key);
        var queriedAt = await Store.QueryAsync(key.PartitionKey, "key#");

        Assert.NotNull(before);
        Assert.Single(queriedBefore);
        Assert.Null(at);
        Assert.Empty(queriedAt);
    }

    [Fact]
    public async Task Expired_item_counts_as_absent_for_put_if_absent()
    {
        var key = Key("t1#idempotency", "key#k1");
        await Store.PutAsync(key, """{"decision":"old"}""", WriteCondition.IfAbsent, StartTime.AddMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));

        var result = await Store.PutAsync(key, """{"decision":"new"}""", WriteCondition.IfAbsent, StartTime.AddMinutes(10));

        Assert.Equal(WriteStatus.Written, result.Status);
        var item = await Store.GetAsync(key);
        Assert.Equal("""{"decision":"new"}""", item!.Document);
        Assert.Equal(StartTime.AddMinutes(10), item.ExpiresAt);
    }

    [Fact]
    public async Task Expired_item_is_not_found_for_conditional_update_and_delete()
    {
        var key = Key("t1#config", "policy#p1");
        var written = await Store.PutAsync(key, "{}", WriteCondition.IfAbsent, StartTime.AddMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(1));

        var update = await Store.PutAsync(key, "{}", WriteCondition.IfVersion(written.Version!));
        var delete = await Store.DeleteAsync(key, written.Version);
        var unconditionalDelete = await Store.DeleteAsync(key);

        Assert.Equal(WriteStatus.NotFound, update.Status);
        Assert.Equal(WriteStatus.NotFound, delete.Status);
        Assert.Equal(WriteStatus.NotFound, unconditionalDelete.Status);
    }

    [Fact]
    public async Task Expired_counter_item_is_empty_and_its_counters_restart_from_zero()
    {
        var key = Key("t1#state", "entity#e1");
        await Store.UpdateCountersAsync(key, new CounterUpdate { Add = Counters(("w1", 5), ("w2", 2)), ExpiresAt = StartTime.AddMinutes(1) });
        Clock.Advance(TimeSpan.FromMinutes(1));

        var whileExpired = await Store.GetCountersAsync(key);
        var restarted = await Store.UpdateCountersAsync(key, Adds(("w1", 1)));

        Assert.Empty(whileExpired);
        AssertCounters(Counters(("w1", 1)), restarted);
    }

    [Fact]
    public async Task Restarted_counter_item_does_not_keep_the_old_expiry()
    {
        var key = Key("t1#state", "entity#e1");
        await Store.UpdateCountersAsync(key, new CounterUpdate { Add = Counters(("w1", 5)), ExpiresAt = StartTime.AddMinutes(1) });
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Store.UpdateCountersAsync(key, Adds(("w1", 1)));

        Clock.Advance(TimeSpan.FromDays(30));

        AssertCounters(Counters(("w1", 1)), await Store.GetCountersAsync(key));
    }

    [Fact]
    public async Task Later_counter_update_moves_the_expiry_and_one_without_expiry_keeps_it()
    {
        var key = Key("t1#state", "entity#e1");
        await Store.UpdateCountersAsync(key, new CounterUpdate { Add = Counters(("w1", 1)), ExpiresAt = StartTime.AddMinutes(1) });
        await Store.UpdateCountersAsync(key, new CounterUpdate { Add = Counters(("w1", 1)), ExpiresAt = StartTime.AddMinutes(10) });
        await Store.UpdateCountersAsync(key, Adds(("w1", 1)));

        Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = await Store.GetCountersAsync(key);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await Store.GetCountersAsync(key);

        AssertCounters(Counters(("w1", 3)), moved);
        Assert.Empty(expired);
    }
}
