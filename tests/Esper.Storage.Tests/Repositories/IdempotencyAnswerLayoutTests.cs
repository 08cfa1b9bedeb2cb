using System.Security.Cryptography;
using System.Text;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;
using Esper.Storage.Tests.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Repositories;

/// <summary>
/// An answered idempotency item keeps the answer's JSON as it is (not re-serialised as an escaped string), reads it
/// back byte for byte, and items and keys written before that layout still resolve.
/// </summary>
public sealed class IdempotencyAnswerLayoutTests : IDisposable
{
    private const string Tenant = "t1";
    private const string Kind = "runtime";
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_answer_is_stored_unescaped_and_read_back_byte_for_byte(bool shared)
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, Shared = shared }, _clock);
        var repository = new IdempotencyRepository(store);
        var key = IdempotencyRepository.KeyOf(Tenant, Kind, "k1");
        var answer = Encoding.UTF8.GetBytes("""{"action":"block","reason":"caf\u00e9 \"quoted\" \u2603 ☃","matches":[{"n":1}]}""");

        var claim = await repository.TryClaimForAnswerAsync(key, _clock.GetUtcNow().AddSeconds(30));
        await repository.CompleteAsync(key, claim!, 429, answer, _clock.GetUtcNow().AddDays(1));

        var stored = (await store.GetAsync(key))!.Document;
        Assert.Contains(Encoding.UTF8.GetString(answer), stored, StringComparison.Ordinal);
        var read = await repository.GetAsync(Tenant, Kind, "k1");
        Assert.Equal(("done", 429), (read!.State, read.StatusCode));
        Assert.Equal(answer, Encoding.UTF8.GetBytes(read.Response!));
    }

    [Fact]
    public async Task Answers_stored_before_as_escaped_strings_under_the_same_keys_still_read()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new IdempotencyRepository(store);
        // The key and document as an earlier version wrote them: the SHA-256 of the caller's key, the answer escaped.
        var oldKey = new ItemKey($"{Tenant}#idem#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("order-42")))}", Kind);
        await store.PutAsync(oldKey, """{"state":"done","status_code":200,"response":"{\"action\":\"allow\",\"reason\":\"caf\\u00e9\"}"}""", WriteCondition.None, _clock.GetUtcNow().AddDays(1));

        Assert.Equal(oldKey, IdempotencyRepository.KeyOf(Tenant, Kind, "order-42"));
        var read = await repository.GetAsync(Tenant, Kind, "order-42");
        Assert.Equal(("done", 200, """{"action":"allow","reason":"caf\u00e9"}"""), (read!.State, read.StatusCode, read.Response));
        Assert.Null(await repository.TryClaimForAnswerAsync(oldKey, _clock.GetUtcNow().AddSeconds(30)));
    }

    [Fact]
    public void Entity_items_keep_the_key_they_had()
    {
        var entityKey = "ip-user-agent_0123456789abcdef0123456789abcdef";
        var expected = new ItemKey($"{Tenant}#entity#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entityKey)))}", "state");

        Assert.Equal(expected, EntityStateRepository.KeyOf(Tenant, entityKey));
    }

    public void Dispose() => _database.Dispose();
}
