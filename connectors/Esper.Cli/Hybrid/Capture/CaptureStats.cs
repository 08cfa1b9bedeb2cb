namespace Esper.Cli.Hybrid.Capture;

/// <summary>The counters <c>esper capture run --stats</c> prints: packets seen, requests read, events forwarded, enforced (always 0: capture observes), requests whose hybrid key named an active block, and syncs with origin.</summary>
internal sealed class CaptureStats
{
    private long _packets;
    private long _requests;
    private long _forwarded;
    private long _syncs;
    private long _syncFailures;
    private long _hybridKeyBlocks;

    public long Packets => Interlocked.Read(ref _packets);

    public long Requests => Interlocked.Read(ref _requests);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public long Syncs => Interlocked.Read(ref _syncs);

    public long SyncFailures => Interlocked.Read(ref _syncFailures);

    /// <summary>Requests whose X-Esper-Hybrid-Key named an active block (seen, not dropped: capture observes).</summary>
    public long HybridKeyBlocks => Interlocked.Read(ref _hybridKeyBlocks);

    public void HybridKeyBlock() => Interlocked.Increment(ref _hybridKeyBlocks);

    public void Packet() => Interlocked.Increment(ref _packets);

    public void Request() => Interlocked.Increment(ref _requests);

    public void AddForwarded(int count) => Interlocked.Add(ref _forwarded, count);

    public void Synced(bool ok) => Interlocked.Increment(ref ok ? ref _syncs : ref _syncFailures);

    public override string ToString() =>
        $"packets={Packets} requests={Requests} forwarded={Forwarded} enforced=0 hybrid_key_blocks={HybridKeyBlocks} syncs={Syncs} sync_failures={SyncFailures}";
}
