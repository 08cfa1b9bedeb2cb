using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Esper.Testing;

namespace Esper.Storage.Testing;

/// <summary>
/// An emulator from the repository's pinned node_modules (after <c>npm ci</c>), started on a free loopback port
/// and killed by its PID on dispose. Used when the test script did not start one already.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string workDirectory;

    private EmulatorProcess(Process process, int port, string workDirectory)
    {
        this.process = process;
        Port = port;
        this.workDirectory = workDirectory;
    }

    public int Port { get; }

    /// <summary>Starts <c>node_modules/.bin/<paramref name="tool"/></c> with the arguments for a port and waits until it accepts connections.</summary>
    public static async Task<EmulatorProcess> StartAsync(string tool, Func<int, IEnumerable<string>> arguments)
    {
        string root = RepositoryRoot.Path;
        string executable = Path.Combine(root, "node_modules", ".bin", tool);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run `npm ci` in {root} (or ./test.sh, which does it).");
        }

        int port = LoopbackPort.Free();
        string workDirectory = Directory.CreateTempSubdirectory("esper-emulator-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments(port))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var emulator = new EmulatorProcess(process, port, workDirectory);
        process.OutputDataReceived += (_, line) => emulator.Record(line.Data);
        process.ErrorDataReceived += (_, line) => emulator.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await emulator.WaitUntilListeningAsync(tool).ConfigureAwait(false);
        }
        catch
        {
            emulator.Dispose();
            throw;
        }

        return emulator;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitUntilListeningAsync(string tool)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {Output()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"{tool} did not listen on port {Port} within {StartTimeout}: {Output()}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 16_000)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
