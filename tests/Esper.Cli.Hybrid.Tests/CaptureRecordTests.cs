using System.Globalization;
using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

public sealed class CaptureRecordTests
{
    [Fact]
    public async Task Record_writes_the_packets_of_real_requests_on_lo_to_a_pcap_file()
    {
        var root = Paths.TempDirectory();
        var esper = new EsperTool(Path.Combine(root, "home"));
        using var app = await TestServerProcess.StartAsync(esper);
        var port = app.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);
        var file = Path.Combine(root, "traffic.pcap");
        var recording = esper.RunAsync("capture", "record", "--pcap", file, "--duration", "5", "--interface", "lo", "--filter", $"tcp port {port}");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Requests until the recording ends (the tool's start-up time varies); the short pause only paces the traffic.
        while (!recording.IsCompleted)
        {
            using var response = await client.GetAsync("/recorded-path");
            response.EnsureSuccessStatusCode();
            await Task.WhenAny(recording, Task.Delay(200));
        }

        var (exit, output, error) = await recording;
        Assert.True(exit == 0, $"capture record could not run here (needs libpcap0.8 and root or CAP_NET_RAW): {output}{error}");
        var pcap = await File.ReadAllBytesAsync(file);
        Assert.Equal(0xa1b2c3d4u, BitConverter.ToUInt32(pcap, 0));
        Assert.True(pcap.AsSpan().IndexOf("GET /recorded-path"u8) >= 0, "the pcap file holds no request to /recorded-path");
        Assert.Matches("Recorded [1-9][0-9]* packets", output);
    }
}
