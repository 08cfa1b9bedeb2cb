using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Esper.Testing;

namespace Esper.Functions.Aws.Tests.Process;

/// <summary>
/// A local DynamoDB for the function process: the dynalite that test.sh started (ESPER_TEST_DYNAMODB_URL), or one
/// started here from the repository's node_modules (after <c>npm ci</c>). Each function gets its own table.
/// </summary>
public sealed class Dynalite : IAsyncLifetime
{
    private ChildProcess? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable("ESPER_TEST_DYNAMODB_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            ServiceUrl = new Uri(url);
            return;
        }

        var executable = Path.Combine(RepositoryPaths.Root(), "node_modules", ".bin", "dynalite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run `npm ci` at the repository root (./test.sh does).");
        }

        var port = LoopbackPort.Free();
        _process = ChildProcess.Start(
            executable,
            ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
            new Dictionary<string, string>());
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilListeningAsync(port);
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"dynalite exited: {_process.Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("dynalite did not start listening.");
    }
}
