using Esper.Cli.Infrastructure;
using SharpPcap.LibPcap;

namespace Esper.Cli.Hybrid.Capture;

/// <summary>Finds a capture interface by name, with errors that say why capture cannot run (no libpcap, no permission, no such interface).</summary>
internal static class LiveDevices
{
    public static LibPcapLiveDevice Find(string name)
    {
        IReadOnlyList<LibPcapLiveDevice> devices;
        try
        {
            devices = LibPcapLiveDeviceList.Instance;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or SharpPcap.PcapException)
        {
            throw new UsageException($"capture cannot run: libpcap could not be loaded ({ex.GetBaseException().Message}). On Debian: apt-get install libpcap0.8.");
        }

        return devices.FirstOrDefault(d => d.Name == name)
            ?? throw new UsageException($"No capture interface '{name}'. Interfaces: {string.Join(", ", devices.Select(static d => d.Name))}. Capturing needs root or CAP_NET_RAW.");
    }
}
