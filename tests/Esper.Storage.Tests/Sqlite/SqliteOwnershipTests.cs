using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// One store owns its database file: a second store over the same file (here in the same process, which the lock
/// treats exactly like another process) is refused at open, and the owner keeps working untouched.
/// </summary>
public sealed class SqliteOwnershipTests : IDisposable
{
    private static readonly CounterUpdate Increment = new() { Add = new Dictionary<string, long> { ["hits"] = 1 } };

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Second_store_over_one_file_is_refused_with_a_message_naming_the_file_and_the_owner_keeps_counting()
    {
        using var owner = new SqliteKeyValueStore(_database.FilePath, _clock);
        var key = new ItemKey("t1#state", "entity#hot");
        await owner.UpdateCountersAsync(key, Increment);

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteKeyValueStore(_database.FilePath, _clock));

        Assert.Contains(_database.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("already open in another Esper process", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await owner.UpdateCountersAsync(key, Increment))["hits"]);
        Assert.Equal(2, (await owner.GetCountersAsync(key))["hits"]);
    }

    [Fact]
    public async Task Store_opened_through_a_connection_string_is_refused_while_the_path_owner_runs()
    {
        using var owner = new SqliteKeyValueStore(_database.FilePath, _clock);

        Assert.Throws<InvalidOperationException>(() => new SqliteKeyValueStore(new SqliteStoreOptions { ConnectionString = $"Data Source={_database.FilePath}" }, _clock));
        Assert.True((await owner.PutAsync(new ItemKey("t1", "a"), "{}", WriteCondition.IfAbsent)).Succeeded);
    }

    [Fact]
    public async Task Store_opened_after_the_owner_is_disposed_sees_every_acknowledged_write()
    {
        var key = new ItemKey("t1#state", "entity#hot");
        var doc = new ItemKey("t1#config", "policy#p1");
        using (var owner = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                for (var n = 0; n < 50; n++)
                {
                    await owner.UpdateCountersAsync(key, Increment);
                }
            })));
            await owner.PutAsync(doc, """{"v":1}""", WriteCondition.IfAbsent);
        }

        using var next = new SqliteKeyValueStore(_database.FilePath, _clock);

        Assert.Equal(400, (await next.GetCountersAsync(key))["hits"]);
        Assert.Equal(401, (await next.UpdateCountersAsync(key, Increment))["hits"]);
        Assert.Equal("""{"v":1}""", (await next.GetAsync(doc))!.Document);
    }

    [Fact]
    public async Task Refused_store_leaves_the_lock_with_the_owner_until_it_is_disposed()
    {
        var owner = new SqliteKeyValueStore(_database.FilePath, _clock);
        Assert.Throws<InvalidOperationException>(() => new SqliteKeyValueStore(_database.FilePath, _clock));
        Assert.Throws<InvalidOperationException>(() => new SqliteKeyValueStore(_database.FilePath, _clock));

        owner.Dispose();

        using var next = new SqliteKeyValueStore(_database.FilePath, _clock);
        Assert.True(await next.PingAsync());
    }

    public void Dispose() => _database.Dispose();
}
