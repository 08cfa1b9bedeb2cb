using System.Net;
using Esper.Host.Tests.Support;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// What a store outage looks like from outside, on a fake clock: the 503 problem and its Retry-After, /readyz
/// following it, one readiness probe per interval however often it is asked, and a defect still being a 500.
/// </summary>
public sealed class StoreOutageAnswerTests
{
    // SQLITE_BUSY: another connection holds the lock beyond the busy timeout, as the process-level test makes happen.
    private static readonly SqliteException Locked = new("database is locked", 5);

    [Fact]
    public async Task Readyz_asks_the_store_once_per_interval_however_often_it_is_asked()
    {
        using var host = Start(out var store);
        using var client = host.Client(key: null);
        var before = store.Pings;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/readyz")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(before + 1, store.Pings);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).Status);
        Assert.Equal(before + 2, store.Pings);
    }

    [Fact]
    public async Task Store_outage_answers_503_naming_the_store_with_retry_after_and_readyz_follows_until_it_ends()
    {
        using var host = Start(out var store);
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).Status);

        store.Failure = Locked;
        var refused = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        var pings = store.Pings;
        var notReady = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal("urn:esper:problem:store-unavailable", refused.Str("type"));
        Assert.Equal("The SQLite store is unavailable.", refused.Str("title"));
        Assert.Equal("5", refused.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.Status);
        Assert.Equal("The SQLite store is unavailable.", notReady.Str("title"));
        Assert.Equal(pings, store.Pings);

        // The outage ends; readiness says so once the interval after the last failure has passed, without a restart.
        store.Failure = null;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).Status);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Status);
    }

    [Fact]
    public async Task A_failing_probe_makes_readyz_503_and_a_defect_in_the_store_is_still_a_500()
    {
        using var host = Start(out var store);
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);

        store.Failure = new InvalidOperationException("a defect, not an outage");
        var defect = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var probe = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.InternalServerError, defect.Status);
        Assert.Equal("urn:esper:problem:internal-error", defect.Str("type"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.Status);
    }

    private static EsperHost Start(out OutageStore store)
    {
        var host = EsperHost.Start(services: services =>
        {
            services.AddSingleton(sp => new OutageStore(sp.GetRequiredService<SqliteKeyValueStore>()));
            services.AddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<OutageStore>());
        });
        store = host.Services.GetRequiredService<OutageStore>();
        return host;
    }
}
