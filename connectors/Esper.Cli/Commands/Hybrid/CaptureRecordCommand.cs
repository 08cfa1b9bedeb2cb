using Esper.Cli.Api;
using Esper.Cli.Hybrid.Capture;
using Esper.Cli.Infrastructure;
using SharpPcap;
using SharpPcap.LibPcap;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary><c>esper capture record --pcap traffic.pcap --duration 10 --interface lo</c>: writes what the interface carries to a PCAP file for later analysis.</summary>
internal sealed class CaptureRecordCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<CaptureRecordSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaptureRecordSettings settings, CancellationToken cancellationToken)
    {
        var device = LiveDevices.Find(settings.Interface);
        var path = Path.GetFullPath(settings.File!);
        long packets = 0;
        try
        {
            device.Open(DeviceModes.None, 100);
        }
        catch (PcapException ex)
        {
            throw new UsageException($"capture cannot run on {settings.Interface}: {ex.Message} (capturing needs root or CAP_NET_RAW).");
        }

        using var writer = new CaptureFileWriterDevice(path);
        writer.Open(device);
        var gate = new object();
        device.OnPacketArrival += (_, e) =>
        {
            lock (gate)
            {
                writer.Write(e.GetPacket());
                packets++;
            }
        };

        try
        {
            if (settings.Filter is not null)
            {
                device.Filter = settings.Filter;
            }

            device.StartCapture();
            Out(settings).Line($"esper capture: recording {settings.Interface} into {path} for {settings.Duration} s.");
            try
            {
                #pragma warning disable RS0030 // a command is the composition root of its own run: the system clock is its clock
                await Task.Delay(TimeSpan.FromSeconds(settings.Duration), cancellationToken).ConfigureAwait(false);
                #pragma warning restore RS0030
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: keep what was recorded.
            }
        }
        finally
        {
            device.StopCapture();
            device.Close();
        }

        lock (gate)
        {
            writer.Close();
            Out(settings).Line($"Recorded {packets} packets into {path}.");
        }

        return ExitCodes.Success;
    }
}
