namespace Esper.Cli.Hybrid;

/// <summary>The daemon's counters, served at <c>/stats</c> and printed by <c>esper run --stats</c>.</summary>
internal sealed class HybridStats
{
    private long _decisions;
    private long _refused;
    private long _queued;
    private long _forwarded;
    private long _syncs;
    private long _syncFailures;
    private long _mitigationsApplied;
    private long _proxied;
    private long _proxyBlocked;
    private readonly Lock _proxiesLock = new();
    private ProxyCounters[] _proxies = [];

    /// <summary>Decisions answered 200 (each one an event for origin).</summary>
    public long Decisions => Interlocked.Read(ref _decisions);

    /// <summary>Requests to the decision path the shared handler refused (401, 400, 413…): not decisions, not forwarded.</summary>
    public long RefusedRequests => Interlocked.Read(ref _refused);

    public long Queued => Interlocked.Read(ref _queued);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public long Syncs => Interlocked.Read(ref _syncs);

    public long SyncFailures => Interlocked.Read(ref _syncFailures);

    public long MitigationsApplied => Interlocked.Read(ref _mitigationsApplied);

    /// <summary>Requests the enforcing proxy passed to the upstream app.</summary>
    public long Proxied => Interlocked.Read(ref _proxied);

    /// <summary>Requests the enforcing proxy answered 403 itself (block decision or blocked hybrid key).</summary>
    public long ProxyBlocked => Interlocked.Read(ref _proxyBlocked);

    /// <summary>Each enforcing proxy's own counters, in the order the proxies were configured.</summary>
    public IReadOnlyList<ProxyCounters> Proxies => Volatile.Read(ref _proxies);

    /// <summary>Origin's config version the daemon decides with, null until a config is loaded.</summary>
    public string? ConfigVersion { get; set; }

    /// <summary>True when the last call to origin succeeded.</summary>
    public bool OriginReachable { get; set; }

    public DateTimeOffset? LastSyncAt { get; set; }

    public void Decided(bool queued)
    {
        Interlocked.Increment(ref _decisions);
        if (queued)
        {
            Interlocked.Increment(ref _queued);
        }
    }

    public void Refused() => Interlocked.Increment(ref _refused);

    public void AddForwarded(int count) => Interlocked.Add(ref _forwarded, count);

    public void Synced(bool ok) => Interlocked.Increment(ref ok ? ref _syncs : ref _syncFailures);

    /// <summary>Registers one proxy at start-up; its requests count in its own counters and in the totals.</summary>
    public ProxyCounters AddProxy(ProxyRoute route)
    {
        var counters = new ProxyCounters(route);
        lock (_proxiesLock)
        {
            Volatile.Write(ref _proxies, [.. _proxies, counters]);
        }

        return counters;
    }

    public void ProxyAnswered(ProxyCounters proxy, bool blocked)
    {
        proxy.Answered(blocked);
        Interlocked.Increment(ref blocked ? ref _proxyBlocked : ref _proxied);
    }

    public void AddMitigationsApplied(int count) => Interlocked.Add(ref _mitigationsApplied, count);
}
