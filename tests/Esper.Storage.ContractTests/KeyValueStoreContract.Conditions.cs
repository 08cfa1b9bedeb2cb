using System.Globalization;
using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.ContractTests;

public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Update_with_the_current_version_succeeds_and_returns_a_new_version()
    {
        var key = Key("t1#config", "policy#p1");
        var created = await Store.PutAsync(key, """{"v":1}""", WriteCondition.IfAbsent);

        var updated = await Store.PutAsync(key, """{"v":2}""", WriteCondition.IfVersion(created.Version!));

        Assert.Equal(WriteStatus.Written, updated.Status);
        Assert.NotEqual(created.Version, updated.Version);
        Assert.Equal("""{"v":2}""", (await Store.GetAsync(key))!.Document);
    }

    [Fact]
    public async Task Update_with_a_stale_version_conflicts_and_changes_nothing()
    {
        var key = Key("t1#config", "policy#p1");
        var created = await Store.PutAsync(key, """{"v":1}""", WriteCondition.IfAbsent);
        var current = await Store.PutAsync(key, """{"v":2}""", WriteCondition.IfVersion(created.Version!));

        var stale = await Store.PutAsync(key, """{"v":3}""", WriteCondition.IfVersion(created.Version!));
        var item = await Store.GetAsync(key);

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Null(stale.Version);
        Assert.Equal("""{"v":2}""", item!.Document);
        Assert.Equal(current.Version, item.Version);
    }

    [Fact]
    public async Task Update_of_a_missing_item_is_not_found_and_creates_nothing()
    {
        var key = Key("t1#config", "policy#p1");

        var result = await Store.PutAsync(key, "{}", WriteCondition.IfVersion("some-version"));

        Assert.Equal(WriteStatus.NotFound, result.Status);
        Assert.Null(await Store.GetAsync(key));
    }

    [Fact]
    public async Task Put_if_absent_conflicts_when_the_item_exists_and_changes_nothing()
    {
        var key = Key("t1#idempotency", "key#k1");
        var first = await Store.PutAsync(key, """{"decision":"d1"}""", WriteCondition.IfAbsent);

        var second = await Store.PutAsync(key, """{"decision":"d2"}""", WriteCondition.IfAbsent);
        var item = await Store.GetAsync(key);

        Assert.Equal(WriteStatus.Written, first.Status);
        Assert.Equal(WriteStatus.Conflict, second.Status);
        Assert.Equal("""{"decision":"d1"}""", item!.Document);
        Assert.Equal(first.Version, item.Version);
    }

    [Fact]
    public async Task Delete_with_a_stale_version_conflicts_and_keeps_the_item()
    {
        var key = Key("t1#config", "policy#p1");
        var created = await Store.PutAsync(key, """{"v":1}""", WriteCondition.IfAbsent);
        await Store.PutAsync(key, """{"v":2}""", WriteCondition.IfVersion(created.Version!));

        var result = await Store.DeleteAsync(key, created.Version);

        Assert.Equal(WriteStatus.Conflict, result.Status);
        Assert.Equal("""{"v":2}""", (await Store.GetAsync(key))!.Document);
    }

    [Fact]
    public async Task Delete_with_the_current_version_removes_the_item()
    {
        var key = Key("t1#config", "policy#p1");
        var created = await Store.PutAsync(key, "{}", WriteCondition.IfAbsent);

        var result = await Store.DeleteAsync(key, created.Version);

        Assert.Equal(WriteStatus.Written, result.Status);
        Assert.Null(await Store.GetAsync(key));
    }

    [Fact]
    public async Task Unconditional_delete_removes_the_item()
    {
        var key = Key("t1#config", "policy#p1");
        await Store.PutAsync(key, "{}", WriteCondition.None);

        var result = await Store.DeleteAsync(key);

        Assert.True(result.Succeeded);
        Assert.Null(await Store.GetAsync(key));
        Assert.Empty(await Store.QueryAsync(key.PartitionKey, ""));
    }

    [Fact]
    public async Task Delete_of_a_missing_item_is_not_found()
    {
        var key = Key("t1#config", "policy#missing");

        Assert.Equal(WriteStatus.NotFound, (await Store.DeleteAsync(key)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Store.DeleteAsync(key, "some-version")).Status);
    }

    [Fact]
    public async Task Version_of_a_deleted_item_does_not_match_its_recreation()
    {
        var key = Key("t1#config", "policy#p1");
        var old = await Store.PutAsync(key, """{"v":"old"}""", WriteCondition.IfAbsent);
        await Store.DeleteAsync(key, old.Version);
        await Store.PutAsync(key, """{"v":"new"}""", WriteCondition.IfAbsent);

        var stale = await Store.PutAsync(key, """{"v":"lost"}""", WriteCondition.IfVersion(old.Version!));

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal("""{"v":"new"}""", (await Store.GetAsync(key))!.Document);
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        const int Workers = 8;
        const int IncrementsEach = 20;
        var key = Key("t1#config", "counter-doc");
        await Store.PutAsync(key, """{"n":0}""", WriteCondition.IfAbsent);

        await RunTogetherAsync(Workers, async _ =>
        {
            var done = 0;
            while (done < IncrementsEach)
            {
                var item = await Store.GetAsync(key);
                var n = ReadNumber(item!.Document);
                var next = string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{n + 1}}}""");
                var result = await Store.PutAsync(key, next, WriteCondition.IfVersion(item.Version));
                if (result.Succeeded)
                {
                    done++;
                }
                else
                {
                    Assert.Equal(WriteStatus.Conflict, result.Status);
                }
            }

            return done;
        });

        Assert.Equal(Workers * IncrementsEach, ReadNumber((await Store.GetAsync(key))!.Document));
    }

    [Fact]
    public async Task Put_if_absent_race_has_exactly_one_winner_among_16_writers()
    {
        var key = Key("t1#idempotency", "key#race");

        var results = await RunTogetherAsync(16, async i =>
            (Writer: i, Result: await Store.PutAsync(key, $$"""{"writer":{{i}}}""", WriteCondition.IfAbsent)));

        var winner = Assert.Single(results, r => r.Result.Succeeded);
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal(WriteStatus.Conflict, r.Result.Status));
        var item = await Store.GetAsync(key);
        Assert.Equal($$"""{"writer":{{winner.Writer}}}""", item!.Document);
        Assert.Equal(winner.Result.Version, item.Version);
    }

    private static int ReadNumber(string document)
    {
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("n").GetInt32();
    }
}
