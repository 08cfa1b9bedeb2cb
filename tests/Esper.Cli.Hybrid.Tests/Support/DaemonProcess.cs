using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary><c>esper run</c> as its own process on a free loopback port, with the workspace of an <see cref="EsperTool"/>.</summary>
internal sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StringBuilder _output = new();

    private DaemonProcess(Process process, Uri baseAddress, string key)
    {
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Add("x-esper-api-key", key);
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<DaemonProcess> StartAsync(EsperTool tool, string key, int syncIntervalSeconds = 1, params string[] more)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet", [Paths.EsperDll(), "run", "--listen", url, "--sync-interval-seconds", syncIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), .. more])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ESPER_HOME"] = tool.Home;
        var process = Process.Start(start)!;
        var daemon = new DaemonProcess(process, new Uri(url), key);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Wait.UntilAsync(daemon.IsReadyAsync, TimeSpan.FromSeconds(90), "esper run to answer /readyz");
        return daemon;
    }

    public async Task<JsonElement> DecideAsync(string json)
    {
        using var response = await _http.PostAsync("/api/v1/runtime/mitigation", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the daemon answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> StatsAsync() => await _http.GetFromJsonAsync<JsonElement>("/stats");

    /// <summary>SIGTERM: a graceful stop (the queue is flushed); waits for the process to exit.</summary>
    public async Task TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: nothing runs on the way out.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"esper run exited with code {_process.ExitCode}: {Output}");
        }

        try
        {
            using var response = await _http.GetAsync("/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
