namespace Esper.Host.Tests.Support;

/// <summary>
/// An <see cref="IKeyValueStore"/> decorator that records every call's start and end and groups them into
/// sequential round trips: calls that overlap in time count as one step, a call that starts after every earlier call
/// has ended starts a new one. Each call first waits <c>latency</c> (a stand-in for the network) so that calls the
/// caller starts together overlap as they would against a remote store, even though SQLite answers at once.
/// </summary>
internal sealed class RoundTripCounter(IKeyValueStore inner, TimeSpan latency) : IKeyValueStore
{
    private readonly List<Call> _calls = [];
    private long _sequence;
    private bool _recording;
    private TaskCompletionSource? _hold;
    private int _holdAfter = int.MaxValue;
    private int _inFlight;
    private int _steps;
    private int _anyInFlight;
    private long _lastEnd;

    /// <summary>
    /// Forgets earlier calls and records from now on. With <paramref name="holdAfterSteps"/>, every call of a later
    /// step (a call that starts when no recorded call is in flight begins a step) waits until <see cref="Release"/>:
    /// whatever is answered before then needed only the first <paramref name="holdAfterSteps"/> steps.
    /// </summary>
    public void StartRecording(int? holdAfterSteps = null)
    {
        lock (_calls)
        {
            _calls.Clear();
            _recording = true;
            _inFlight = 0;
            _steps = 0;
            _holdAfter = holdAfterSteps ?? int.MaxValue;
            _hold = holdAfterSteps is null ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>
    /// Waits until no store call has been in flight for two latencies: work the host started in the background (a
    /// secret loaded beside a tenant's first decision) has finished and started nothing after it. Bounded at 30 s.
    /// </summary>
    public async Task WaitQuietAsync()
    {
        var quiet = TimeSpan.FromTicks(latency.Ticks * 2);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var idleSince = Volatile.Read(ref _anyInFlight) == 0 ? new DateTime(Volatile.Read(ref _lastEnd), DateTimeKind.Utc) : DateTime.MaxValue;
            if (idleSince != DateTime.MaxValue && DateTime.UtcNow - idleSince >= quiet)
            {
                return;
            }

            await Task.Delay(latency / 4).ConfigureAwait(false);
        }

        throw new TimeoutException("The store did not go quiet within 30 s.");
    }

    /// <summary>Lets the calls held by <see cref="StartRecording"/> go ahead.</summary>
    public void Release() => _hold?.TrySetResult();

    /// <summary>
    /// The recorded calls as steps, in order: each step lists its calls as <c>Operation:partition</c> (the segment of the
    /// partition key after the tenant id), sorted and joined by <c>+</c>; steps are joined by <c> &gt; </c>.
    /// </summary>
    public string StopRecording()
    {
        lock (_calls)
        {
            _recording = false;
            var steps = new List<SortedSet<string>>();
            long lastEnd = 0;
            foreach (var call in _calls.OrderBy(c => c.Start))
            {
                if (steps.Count == 0 || call.Start > lastEnd)
                {
                    steps.Add(new SortedSet<string>(StringComparer.Ordinal));
                }

                steps[^1].Add(call.Label);
                lastEnd = Math.Max(lastEnd, call.End);
            }

            return string.Join(" > ", steps.Select(s => string.Join("+", s)));
        }
    }

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        TrackAsync("Get", key.PartitionKey, () => inner.GetAsync(key, cancellationToken));

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        TrackAsync("Query", partitionKey, () => inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken));

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        TrackAsync("Put", key.PartitionKey, () => inner.PutAsync(key, document, condition, expiresAt, cancellationToken));

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        TrackAsync("Delete", key.PartitionKey, () => inner.DeleteAsync(key, expectedVersion, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        TrackAsync("UpdateCounters", key.PartitionKey, () => inner.UpdateCountersAsync(key, update, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        TrackAsync("GetCounters", key.PartitionKey, () => inner.GetCountersAsync(key, cancellationToken));

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default) =>
        await TrackAsync("BatchPut", items.Count == 0 ? "" : items[0].Key.PartitionKey, async () =>
        {
            await inner.BatchPutAsync(items, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    private async ValueTask<T> TrackAsync<T>(string operation, string partitionKey, Func<ValueTask<T>> call)
    {
        long start;
        Task? held = null;
        bool tracked;
        lock (_calls)
        {
            start = Interlocked.Increment(ref _sequence);
            tracked = _recording;
            if (tracked)
            {
                if (_inFlight++ == 0)
                {
                    _steps++;
                }

                if (_steps > _holdAfter)
                {
                    held = _hold?.Task;
                }
            }
        }

        if (held is not null)
        {
            await held.ConfigureAwait(false);
        }

        Interlocked.Increment(ref _anyInFlight);
        await Task.Delay(latency).ConfigureAwait(false);
        var result = await call().ConfigureAwait(false);
        Volatile.Write(ref _lastEnd, DateTime.UtcNow.Ticks);
        Interlocked.Decrement(ref _anyInFlight);
        lock (_calls)
        {
            var end = Interlocked.Increment(ref _sequence);
            if (tracked)
            {
                _inFlight--;
            }

            if (_recording)
            {
                _calls.Add(new Call(start, end, $"{operation}:{Segment(partitionKey)}"));
            }
        }

        return result;
    }

    /// <summary>The kind of partition: <c>t1#entity#ab12…</c> → <c>entity</c>.</summary>
    private static string Segment(string partitionKey)
    {
        var parts = partitionKey.Split('#');
        return parts.Length > 1 ? parts[1] : partitionKey;
    }

    private sealed record Call(long Start, long End, string Label);
}
