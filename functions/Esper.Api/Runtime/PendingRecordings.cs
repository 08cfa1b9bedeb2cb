using System.Collections.Concurrent;

namespace Esper.Api.Runtime;

/// <summary>
/// The record writes this process started after answering (<see cref="RecordingMode.AfterAnswer"/>). Hosts drain
/// them before the process may be frozen or stopped (Lambda before asking for its next event, the other hosts at
/// shutdown); a later decision on an entity key whose penalty is still being written waits for that write, and a
/// results read waits for the tenant's writes, so this process reads its own writes as in the other mode.
/// </summary>
public sealed class PendingRecordings
{
    private readonly ConcurrentDictionary<long, (string TenantId, Task Work)> _work = new();
    private readonly ConcurrentDictionary<string, Task> _stateWrites = new(StringComparer.Ordinal);
    private long _next;

    /// <summary>True when no record write of this process is in flight.</summary>
    public bool IsIdle => _work.IsEmpty;

    /// <summary>Waits until every record write started before this call has finished (failed writes included).</summary>
    public Task DrainAsync(CancellationToken cancellationToken = default) =>
        _work.IsEmpty ? Task.CompletedTask : WhenAll(_work.Values.Select(static w => w.Work), cancellationToken);

    /// <summary>Waits, at most <paramref name="limit"/>, for the tenant's record writes started before this call.</summary>
    internal Task SettleAsync(string tenantId, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (_work.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var mine = _work.Values.Where(w => w.TenantId == tenantId).Select(static w => w.Work).ToList();
        return mine.Count == 0 ? Task.CompletedTask : SettleWithinAsync(mine, limit, cancellationToken);
    }

    private static async Task SettleWithinAsync(List<Task> work, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await WhenAll(work, cancellationToken).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Slow writes: the read answers with what the store has now.
        }
    }

    /// <summary>Waits for the penalty writes in flight on any of these entity keys (usually none: no wait, no allocation).</summary>
    internal Task BeforeCountingAsync(string tenantId, IEnumerable<string> entityKeys)
    {
        if (_stateWrites.IsEmpty)
        {
            return Task.CompletedTask;
        }

        List<Task>? waits = null;
        foreach (var entityKey in entityKeys)
        {
            if (_stateWrites.TryGetValue(StateKey(tenantId, entityKey), out var write) && !write.IsCompleted)
            {
                (waits ??= []).Add(write);
            }
        }

        return waits is null ? Task.CompletedTask : WhenAll(waits, CancellationToken.None);
    }

    /// <summary>Tracks record writes started after an answer; <paramref name="stateKeys"/> are the entity keys whose penalties they write.</summary>
    internal void Track(string tenantId, Task work, IReadOnlyCollection<string> stateKeys)
    {
        var id = Interlocked.Increment(ref _next);
        _work[id] = (tenantId, work);
        foreach (var entityKey in stateKeys)
        {
            _stateWrites[StateKey(tenantId, entityKey)] = work;
        }

        work.ContinueWith(
            _ =>
            {
                _work.TryRemove(id, out var _);
                foreach (var entityKey in stateKeys)
                {
                    _stateWrites.TryRemove(new KeyValuePair<string, Task>(StateKey(tenantId, entityKey), work));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static string StateKey(string tenantId, string entityKey) => $"{tenantId}\n{entityKey}";

    /// <summary>Completes when all of <paramref name="tasks"/> have, whether they succeeded or not.</summary>
    private static async Task WhenAll(IEnumerable<Task> tasks, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed record write is logged where it ran and left to journal recovery; waiting is all this does.
        }
    }
}
