using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Esper.Host.Tests.Hostile;

/// <summary>
/// HTTP/1.1 over a raw socket, for what HttpClient will not send: 100,000 headers, a byte at a time, a declared
/// length that never arrives. Reads back only the status line, or notices the server closed the connection.
/// </summary>
internal sealed class RawHttp : IDisposable
{
    private readonly Socket _socket;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private RawHttp(Socket socket) => _socket = socket;

    /// <summary>Time since the connection opened.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public static async Task<RawHttp> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RawHttp(socket);
    }

    /// <summary>Sends <paramref name="bytes"/>; false when the server has already closed or reset the connection.</summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                var sent = await _socket.SendAsync(bytes, SocketFlags.None);
                bytes = bytes[sent..];
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public Task<bool> TrySendAsync(string text) => TrySendAsync(Encoding.Latin1.GetBytes(text));

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the answer: its status code, or null when the server closed the
    /// connection without one. Throws <see cref="TimeoutException"/> when the server neither answered nor closed.
    /// </summary>
    public async Task<int?> ReadStatusAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var head = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (!head.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                if (read == 0)
                {
                    break;
                }

                head.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"the server neither answered nor closed within {timeout.TotalSeconds:0} s");
        }
        catch (SocketException) when (head.Length == 0)
        {
            // Reset by the server before any answer: a closed connection.
            return null;
        }

        var line = head.ToString();
        return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && line.Length >= 12
            ? int.Parse(line.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>True once the server has closed the connection (a read returns nothing or fails) within <paramref name="timeout"/>.</summary>
    public async Task<bool> ClosedWithinAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) > 0)
            {
                // Drain whatever answer came first; the close is what counts.
            }

            return true;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public void Dispose() => _socket.Dispose();
}
