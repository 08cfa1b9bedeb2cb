using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;
using Esper.Storage.Tests.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Repositories;

public sealed class IdempotencyRepositoryTests : IDisposable
{
    private const string Tenant = "t1";
    private const string Kind = "runtime";
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task On_the_owning_embedded_store_a_claim_writes_nothing_and_claim_plus_answer_commit_once()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new IdempotencyRepository(store);
        var commits = store.Commits;

        var claim = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());

        Assert.NotNull(claim);
        Assert.Equal(commits, store.Commits);
        Assert.Null(await store.GetAsync(StorageKeys.Idempotency(Tenant, Kind, "k1")));
        Assert.Equal("pending", (await repository.GetAsync(Tenant, Kind, "k1"))!.State);

        await repository.CompleteAsync(Tenant, Kind, "k1", claim, 200, """{"action":"allow"}""", _clock.GetUtcNow().AddDays(1));

        Assert.Equal(commits + 1, store.Commits);
        var answered = await repository.GetAsync(Tenant, Kind, "k1");
        Assert.Equal(("done", 200, """{"action":"allow"}"""), (answered!.State, answered.StatusCode, answered.Response));
    }

    [Fact]
    public async Task A_held_key_cannot_be_claimed_again_until_released_and_an_answered_key_never()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new IdempotencyRepository(store);
        var first = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());

        Assert.Null(await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease()));

        Assert.True((await repository.ReleaseAsync(Tenant, Kind, "k1", first!)).Succeeded);
        Assert.Null(await repository.GetAsync(Tenant, Kind, "k1"));
        var second = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());
        Assert.NotNull(second);
        await repository.CompleteAsync(Tenant, Kind, "k1", second, 200, "{}", _clock.GetUtcNow().AddDays(1));

        Assert.Null(await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease()));
    }

    [Fact]
    public async Task An_answered_key_reads_as_answered_while_a_late_request_holds_it_to_look()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new IdempotencyRepository(store);
        var claim = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());
        await repository.CompleteAsync(Tenant, Kind, "k1", claim!, 200, "{}", _clock.GetUtcNow().AddDays(1));

        // A later request holds the key for the moment it takes to find the answer; a retry reading then must not wait.
        Assert.NotNull(((IHoldsKeysInMemory)store).Reservations!.TryHold(StorageKeys.Idempotency(Tenant, Kind, "k1"), Lease()));

        Assert.Equal("done", (await repository.GetAsync(Tenant, Kind, "k1"))!.State);
    }

    [Fact]
    public async Task A_claim_held_by_a_store_closed_before_its_answer_leaves_the_key_free()
    {
        using (var store = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            Assert.NotNull(await new IdempotencyRepository(store).TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease()));
        }

        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new IdempotencyRepository(reopened);

        Assert.Null(await repository.GetAsync(Tenant, Kind, "k1"));
        Assert.NotNull(await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease()));
    }

    [Fact]
    public async Task After_a_hold_outlives_its_lease_another_request_claims_and_the_first_answer_written_is_kept()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var repository = new IdempotencyRepository(store);
        var stale = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null((await repository.GetAsync(Tenant, Kind, "k1")));
        var fresh = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());
        Assert.NotNull(fresh);
        await repository.CompleteAsync(Tenant, Kind, "k1", fresh, 200, """{"by":"fresh"}""", _clock.GetUtcNow().AddDays(1));
        await repository.CompleteAsync(Tenant, Kind, "k1", stale!, 200, """{"by":"stale"}""", _clock.GetUtcNow().AddDays(1));

        Assert.Equal("""{"by":"fresh"}""", (await repository.GetAsync(Tenant, Kind, "k1"))!.Response);
    }

    [Fact]
    public async Task On_a_shared_embedded_store_the_claim_is_a_written_item()
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, Shared = true }, _clock);
        var repository = new IdempotencyRepository(store);

        var claim = await repository.TryClaimForAnswerAsync(Tenant, Kind, "k1", Lease());

        Assert.Equal(claim, (await store.GetAsync(StorageKeys.Idempotency(Tenant, Kind, "k1")))!.Version);
        await repository.CompleteAsync(Tenant, Kind, "k1", claim!, 200, "{}", _clock.GetUtcNow().AddDays(1));
        Assert.Equal("done", (await repository.GetAsync(Tenant, Kind, "k1"))!.State);
    }

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Lease() => _clock.GetUtcNow().AddSeconds(30);
}
