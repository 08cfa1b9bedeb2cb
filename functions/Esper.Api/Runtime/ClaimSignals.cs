namespace Esper.Api.Runtime;

/// <summary>
/// In-process wake-ups for retries waiting on a claimed idempotency key: the request holding the claim settles it
/// once its answer is stored (or the claim released), so a retry in the same process reads the answer at once
/// instead of on its next poll. A claim held by another process is still found by polling the store.
/// Every keyed decision registers, settles and leaves (three locked steps), so the keys are spread over
/// <see cref="ShardCount"/> independently locked maps: concurrent decisions on different keys rarely share a lock.
/// </summary>
internal sealed class ClaimSignals
{
    internal const int ShardCount = 64;

    private readonly Dictionary<(string TenantId, string Key), Waiters>[] _shards =
        [.. Enumerable.Range(0, ShardCount).Select(static _ => new Dictionary<(string TenantId, string Key), Waiters>())];

    /// <summary>Registers a waiter on the key; register before reading the claim so a settle in between is not missed.</summary>
    public Registration Wait(string tenantId, string key)
    {
        var id = (tenantId, key);
        var waiting = Shard(id);
        lock (waiting)
        {
            if (!waiting.TryGetValue(id, out var waiters))
            {
                waiters = new Waiters();
                waiting[id] = waiters;
            }

            waiters.Count++;
            return new Registration(waiting, id, waiters);
        }
    }

    /// <summary>Wakes every waiter on the key.</summary>
    public void Settle(string tenantId, string key)
    {
        var id = (tenantId, key);
        var waiting = Shard(id);
        Waiters? waiters;
        lock (waiting)
        {
            if (!waiting.Remove(id, out waiters))
            {
                return;
            }
        }

        waiters.Signal.TrySetResult();
    }

    private Dictionary<(string TenantId, string Key), Waiters> Shard((string TenantId, string Key) id) =>
        _shards[(id.GetHashCode() & int.MaxValue) % ShardCount];

    private static void Leave(Dictionary<(string TenantId, string Key), Waiters> waiting, (string TenantId, string Key) id, Waiters waiters)
    {
        lock (waiting)
        {
            if (--waiters.Count == 0 && waiting.TryGetValue(id, out var current) && ReferenceEquals(current, waiters))
            {
                waiting.Remove(id);
            }
        }
    }

    /// <summary>One waiter's hold on a key; disposing it forgets the key once nobody waits on it.</summary>
    internal sealed class Registration(Dictionary<(string TenantId, string Key), Waiters> waiting, (string TenantId, string Key) id, Waiters waiters) : IDisposable
    {
        private bool _disposed;

        /// <summary>Completes when the claim is settled.</summary>
        public Task Settled => waiters.Signal.Task;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Leave(waiting, id, waiters);
            }
        }
    }

    internal sealed class Waiters
    {
        public TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }
    }
}
