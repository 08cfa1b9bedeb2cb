using Esper.Storage.KeyValue;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.ContractTests;

/// <summary>
/// The behaviour every <see cref="IKeyValueStore"/> backend must show. A backend's test project subclasses this
/// and implements <see cref="CreateStoreAsync"/>; every fact below then runs against that backend.
/// </summary>
/// <remarks>
/// Each test gets a new instance, a new fake clock starting at <see cref="StartTime"/>, and a new store. Keys
/// carry a per-test run prefix as well, so a backend may share one table between tests.
/// </remarks>
public abstract partial class KeyValueStoreContract : IAsyncLifetime
{
    /// <summary>Where the fake clock starts: a whole second, in the future, so no backend's real TTL sweeper deletes test items early.</summary>
    protected static readonly DateTimeOffset StartTime = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _run = "r" + Guid.NewGuid().ToString("N")[..10];
    private IKeyValueStore? _store;

    /// <summary>The fake clock the store under test reads.</summary>
    protected FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The store under test.</summary>
    protected IKeyValueStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates a store over a fresh namespace (file, table or table prefix) that reads <paramref name="clock"/> for expiry.</summary>
    protected abstract ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock);

    /// <summary>Releases a store made by <see cref="CreateStoreAsync"/>; disposes it when it is disposable.</summary>
    protected virtual async ValueTask DisposeStoreAsync(IKeyValueStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync(Clock);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    /// <summary>A partition key unique to this test run; <paramref name="name"/> reads like a real one ("t1#config").</summary>
    protected string Partition(string name) => _run + name;

    /// <summary>An item key in this test run's partition <paramref name="partition"/>.</summary>
    protected ItemKey Key(string partition, string sortKey) => new(Partition(partition), sortKey);

    /// <summary>Runs <paramref name="workers"/> copies of <paramref name="work"/> on the thread pool, released together.</summary>
    protected static async Task<T[]> RunTogetherAsync<T>(int workers, Func<int, Task<T>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, workers)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await work(i);
            }))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
