using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

/// <summary>
/// Capture on lo (root and libpcap, as <see cref="CaptureTests"/>) of a client whose <c>Expect: 100-continue</c> is
/// refused: the server answers 417, the client never sends the announced body and sends its next request instead.
/// </summary>
public sealed class CaptureExpectContinueTests
{
    [Fact]
    public async Task Capture_reports_a_head_whose_body_is_withheld_and_the_next_request_on_the_connection()
    {
        var esper = new EsperTool(Path.Combine(Paths.TempDirectory(), "home"));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var capture = await CaptureProcess.StartAsync(esper, "--test", "--dry-run", "--stats", "--filter", $"tcp dst port {port.ToString(CultureInfo.InvariantCulture)}");
        var server = ServeAsync(listener);

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PUT /big-upload HTTP/1.1\r\nHost: app\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 417", await ReadHeadAsync(stream), StringComparison.Ordinal);

            // The body is withheld, as RFC 9110 allows after a final answer; the connection carries on.
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /after-417 HTTP/1.1\r\nHost: app\r\nUser-Agent: expect-test/1.0\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 200", await ReadHeadAsync(stream), StringComparison.Ordinal);
        }

        await server;
        await Wait.UntilAsync(() => Task.FromResult(capture.Output.Contains("GET /after-417", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "capture to print the request after the withheld body");
        var exit = await capture.TerminateAsync();

        Assert.Equal(0, exit);
        Assert.Contains("PUT /big-upload from 127.0.0.1", capture.Output, StringComparison.Ordinal);
        Assert.Contains("user-agent=expect-test/1.0", capture.Output, StringComparison.Ordinal);
        Assert.Contains("requests=2 forwarded=0", capture.Output, StringComparison.Ordinal);
    }

    /// <summary>One connection, two requests: 417 to the one that expects 100-continue, 200 to the next.</summary>
    private static async Task ServeAsync(TcpListener listener)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        for (var i = 0; i < 2; i++)
        {
            var head = await ReadHeadAsync(stream);
            var answer = head.Contains("Expect: 100-continue", StringComparison.Ordinal)
                ? "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, timeout.Token) == 0)
            {
                throw new IOException("the connection closed before a whole head: " + head);
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
