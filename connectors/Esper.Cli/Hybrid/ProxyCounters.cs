namespace Esper.Cli.Hybrid;

/// <summary>One enforcing proxy's counters, served in <c>/stats</c> under <c>proxies</c> (the totals sum every proxy).</summary>
internal sealed class ProxyCounters(ProxyRoute route)
{
    private long _proxied;
    private long _blocked;

    public ProxyRoute Route => route;

    /// <summary>Requests this proxy passed to its upstream app.</summary>
    public long Proxied => Interlocked.Read(ref _proxied);

    /// <summary>Requests this proxy answered 403 itself.</summary>
    public long Blocked => Interlocked.Read(ref _blocked);

    public void Answered(bool blocked) => Interlocked.Increment(ref blocked ? ref _blocked : ref _proxied);
}
