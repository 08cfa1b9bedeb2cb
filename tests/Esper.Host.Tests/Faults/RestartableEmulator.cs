using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Esper.Storage.AzureTables.Tests.Emulator;
using Esper.Testing;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// An emulator from the repository's node_modules (dynalite, or Azurite's table service) that keeps its data on disk
/// in a directory of its own, on a port of its own, so a test can take the store away mid-load and bring it back on
/// the same port over the same data: a real outage and its end, not a stand-in. The suite's shared emulators stay
/// untouched.
/// </summary>
internal sealed class RestartableEmulator : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _tool;
    private readonly Func<int, string, IEnumerable<string>> _arguments;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RestartableEmulator(string tool, Func<int, string, IEnumerable<string>> arguments)
    {
        _tool = tool;
        _arguments = arguments;
        Port = LoopbackPort.Free();
        DataDirectory = Directory.CreateTempSubdirectory("esper-outage-" + tool + "-").FullName;
    }

    /// <summary>The loopback port it listens on, the same after every restart.</summary>
    public int Port { get; }

    /// <summary>Where it keeps its data between runs.</summary>
    public string DataDirectory { get; }

    /// <summary>The Azurite table service's connection string (for an Azurite emulator).</summary>
    public string AzuriteConnectionString => AzuriteFixture.ConnectionStringFor(Port);

    /// <summary>dynalite with its LevelDB store in <see cref="DataDirectory"/>.</summary>
    public static Task<RestartableEmulator> StartDynaliteAsync() => StartNewAsync(new RestartableEmulator("dynalite", static (port, path) =>
        ["--host", "127.0.0.1", "--port", Text(port), "--path", path, "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"]));

    /// <summary>Azurite's table service with its database in <see cref="DataDirectory"/> (telemetry off: it must not reach out of the machine).</summary>
    public static Task<RestartableEmulator> StartAzuriteAsync() => StartNewAsync(new RestartableEmulator("azurite-table", static (port, path) =>
        ["--location", path, "--disableTelemetry", "--silent", "--skipApiVersionCheck", "--loose", "--tableHost", "127.0.0.1", "--tablePort", Text(port)]));

    private static async Task<RestartableEmulator> StartNewAsync(RestartableEmulator emulator)
    {
        try
        {
            await emulator.StartAsync();
            return emulator;
        }
        catch
        {
            emulator.Dispose();
            throw;
        }
    }

    /// <summary>Starts it (again) on <see cref="Port"/> and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var executable = RepositoryRoot.Combine("node_modules", ".bin", _tool);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run `npm ci` in {RepositoryRoot.Path} (or ./test.sh, which does it).");
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = DataDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in _arguments(Port, DataDirectory))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_tool}.");
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_tool} exited with {_process.ExitCode}: {Output()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: poll the real condition, bounded by the timeout.
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{_tool} did not listen on port {Port} within {StartTimeout}: {Output()}");
    }

    /// <summary>SIGKILL: the emulator vanishes at once; connections to its port are refused until it starts again.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>
    /// SIGINT, then waits (bounded) for it to exit. Azurite keeps its tables in memory and saves them to disk every
    /// few seconds and when interrupted, so killing it would lose its own acknowledged writes; this stops it at once
    /// just the same (it closes its listener first).
    /// </summary>
    public async Task InterruptAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-INT", Text(process.Id)]))
        {
            await signal.WaitForExitAsync();
        }

        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_tool} did not exit within 30 s of SIGINT: {Output()}");
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 16_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
