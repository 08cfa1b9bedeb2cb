using System.Runtime.InteropServices;
using Esper.Cli.Api;
using Esper.Cli.Hybrid;
using Esper.Cli.Hybrid.Capture;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using PacketDotNet;
using SharpPcap;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>
/// <c>esper capture run</c>: passive capture of HTTP/1.1 requests with SharpPcap (libpcap). TCP segments are
/// reassembled per connection, each request head becomes a runtime event, and the events go through a durable queue
/// under <c>~/.esper/data/capture/</c> to origin's beacon (or are printed with <c>--dry-run</c>). It observes only:
/// see docs/hybrid.md. Stops on SIGTERM or Ctrl-C, forwarding what is queued first.
/// </summary>
internal sealed class CaptureRunCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<CaptureRunSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaptureRunSettings settings, CancellationToken cancellationToken)
    {
        var output = Out(settings);
        OriginClient? origin = null;
        if (!settings.DryRun)
        {
            var connection = Connect(settings);
            if (connection.Credential != CredentialKind.ApiKey)
            {
                throw new UsageException("esper capture run forwards to origin and needs an API key (runtime scope is enough): esper init --api-key <secret>, or use --dry-run.");
            }

            origin = new OriginClient(connection.ApiBase, connection.Secret!);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

        var device = LiveDevices.Find(settings.InterfaceName);
        var stats = new CaptureStats();
        #pragma warning disable RS0030 // a command is the composition root of its own run: the system clock is its clock
        var hybridKeys = new HybridKeyIndex(TimeProvider.System);
        #pragma warning restore RS0030
        var feed = origin is null ? null : new MitigationFeed(origin);
        var reassembler = new TcpReassembler();
        using var queue = new ForwardQueue(Path.Combine(Home.DataRoot, "capture"), 64L * 1024 * 1024);
        var gate = new object();
        device.OnPacketArrival += (_, e) =>
        {
            stats.Packet();
            var raw = e.GetPacket();
            if (Packet.ParsePacket(raw.LinkLayerType, raw.Data) is not { } packet
                || packet.Extract<TcpPacket>() is not { } tcp
                || packet.Extract<IPPacket>() is not { } ip)
            {
                return;
            }

            IReadOnlyList<CapturedRequest> requests;
            lock (gate)
            {
                requests = reassembler.Add(ip.SourceAddress.ToString(), tcp.SourcePort, ip.DestinationAddress.ToString(), tcp.DestinationPort, tcp.SequenceNumber, tcp.PayloadData ?? [], tcp.Synchronize, tcp.Finished || tcp.Reset);
            }

            foreach (var request in requests)
            {
                stats.Request();
                var keyMode = request.HybridKey is { } key ? hybridKeys.ModeOf(key) ?? CapturedRequest.NoActiveMitigation : null;
                if (keyMode == "block")
                {
                    stats.HybridKeyBlock();
                }

                if (origin is null)
                {
                    var note = request.HybridKey is null ? "" : $" hybrid-key={request.HybridKey} (not checked: a dry run reads no feed from origin)";
                    output.Line($"{request.Method} {request.Target} from {request.ClientIp} to {ip.DestinationAddress}:{tcp.DestinationPort} user-agent={request.UserAgent ?? "-"}{note}");
                }
                else
                {
                    if (keyMode == "block")
                    {
                        output.Line($"esper capture: {request.Method} {request.Path} from {request.ClientIp} carries the X-Esper-Hybrid-Key of an active block; capture only observes, so it was not dropped (esper run --proxy enforces).");
                    }

                    // Capture answers nobody, so it does not wait for the write; the queue writes it in order.
                    _ = queue.EnqueueAsync(System.Text.Encoding.UTF8.GetBytes(request.ToEventJson(keyMode))).AsTask();
                }
            }
        };

        try
        {
            device.Open(DeviceModes.None, 100);
        }
        catch (PcapException ex)
        {
            throw new UsageException($"capture cannot run on {settings.InterfaceName}: {ex.Message} (capturing needs root or CAP_NET_RAW).");
        }

        try
        {
            device.Filter = settings.Filter;
            device.StartCapture();
            // A first round at once, so hybrid keys of blocks already active are known from the first request.
            await SyncAsync(origin, feed, hybridKeys, queue, stats, stop.Token).ConfigureAwait(false);
            output.Line($"esper capture: capturing on {settings.InterfaceName} with filter \"{settings.Filter}\"{(origin is null ? " (dry run: printing, not forwarding)" : $"; forwarding to {origin.ApiBase} every {settings.SyncIntervalSeconds} s")}.");
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.SyncIntervalSeconds));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
                {
                    await SyncAsync(origin, feed, hybridKeys, queue, stats, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // SIGTERM or Ctrl-C: stop capturing, then forward what is queued.
            }
        }
        finally
        {
            device.StopCapture();
            device.Close();
        }

        #pragma warning disable RS0030 // a command is the composition root of its own run: the system clock is its clock
        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        #pragma warning restore RS0030
        await SyncAsync(origin, feed, null, queue, stats, flush.Token).ConfigureAwait(false);
        if (settings.Stats)
        {
            output.Line($"esper capture stats: {stats}");
        }

        origin?.Dispose();
        return ExitCodes.Success;
    }

    // One round with origin: the active-mitigations feed (so a request's X-Esper-Hybrid-Key can be checked), then the queue.
    private static async Task SyncAsync(OriginClient? origin, MitigationFeed? feed, HybridKeyIndex? hybridKeys, ForwardQueue queue, CaptureStats stats, CancellationToken cancellationToken)
    {
        if (origin is null || feed is null)
        {
            return;
        }

        try
        {
            if (hybridKeys is not null)
            {
                foreach (var item in await feed.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    hybridKeys.Set(item);
                }
            }

            if (queue.PendingBytes == 0)
            {
                stats.Synced(ok: true);
                return;
            }

            var sent = await queue.FlushAsync(origin.PostBeaconAsync, 100, cancellationToken).ConfigureAwait(false);
            stats.AddForwarded(sent);
            stats.Synced(ok: queue.PendingBytes == 0);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or CliException or System.Text.Json.JsonException)
        {
            stats.Synced(ok: false);
        }
    }
}
