namespace Esper.Api.Runtime;

/// <summary>
/// In-process wake-ups for retries waiting on a claimed idempotency key: the request holding the claim settles it
/// once its answer is stored (or the claim released), so a retry in the same process reads the answer at once
/// instead of on its next poll. A claim held by another process is still found by polling the store.
/// </summary>
internal sealed class ClaimSignals
{
    private readonly Dictionary<(string TenantId, string Key), Waiters> _waiting = [];

    /// <summary>Registers a waiter on the key; register before reading the claim so a settle in between is not missed.</summary>
    public Registration Wait(string tenantId, string key)
    {
        lock (_waiting)
        {
            if (!_waiting.TryGetValue((tenantId, key), out var waiters))
            {
                waiters = new Waiters();
                _waiting[(tenantId, key)] = waiters;
            }

            waiters.Count++;
            return new Registration(this, (tenantId, key), waiters);
        }
    }

    /// <summary>Wakes every waiter on the key.</summary>
    public void Settle(string tenantId, string key)
    {
        Waiters? waiters;
        lock (_waiting)
        {
            if (!_waiting.Remove((tenantId, key), out waiters))
            {
                return;
            }
        }

        waiters.Signal.TrySetResult();
    }

    private void Leave((string TenantId, string Key) id, Waiters waiters)
    {
        lock (_waiting)
        {
            if (--waiters.Count == 0 && _waiting.TryGetValue(id, out var current) && ReferenceEquals(current, waiters))
            {
                _waiting.Remove(id);
            }
        }
    }

    /// <summary>One waiter's hold on a key; disposing it forgets the key once nobody waits on it.</summary>
    internal sealed class Registration(ClaimSignals owner, (string TenantId, string Key) id, Waiters waiters) : IDisposable
    {
        private bool _disposed;

        /// <summary>Completes when the claim is settled.</summary>
        public Task Settled => waiters.Signal.Task;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner.Leave(id, waiters);
            }
        }
    }

    internal sealed class Waiters
    {
        public TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }
    }
}
