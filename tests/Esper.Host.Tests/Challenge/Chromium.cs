using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Esper.Host.Tests.Challenge;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package at /usr/bin/chromium) driven over the Chrome DevTools
/// protocol on a loopback WebSocket: one page, commands awaited by id, events collected.
/// </summary>
internal sealed partial class Chromium : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> _pending = [];
    private readonly List<(string Method, JsonNode? Params)> _events = [];
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _receive;
    private int _nextId;

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The Chromium binary: ESPER_CHROMIUM when set, else /usr/bin/chromium.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("ESPER_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ExecutablePath}; install Debian's 'chromium' package (apt-get install -y chromium).");
        }

        var profile = Path.Combine(Path.GetTempPath(), "esper-chromium", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
            "--no-first-run", "--no-default-browser-check", "--mute-audio", "--hide-scrollbars",
            $"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var browser = new Chromium(process, profile);
        try
        {
            await browser.ConnectAsync();
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }

        return browser;
    }

    /// <summary>Sends one command and returns its result.</summary>
    public async Task<JsonNode?> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[id] = done;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters is null ? new JsonObject() : JsonSerializer.SerializeToNode(parameters) };
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _send.Release();
        }

        return await done.Task.WaitAsync(CommandTimeout);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value as text.</summary>
    public async Task<string?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true });
        return result?["result"]?["value"]?.ToString();
    }

    /// <summary>Waits until an event matching <paramref name="predicate"/> arrives (or has arrived).</summary>
    public async Task<JsonNode?> WaitForEventAsync(string method, Func<JsonNode?, bool> predicate, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            lock (_events)
            {
                foreach (var (m, p) in _events)
                {
                    if (m == method && predicate(p))
                    {
                        return p;
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {method} event within {timeout}.");
    }

    /// <summary>Polls <paramref name="expression"/> until it yields a value satisfying <paramref name="predicate"/>.</summary>
    public async Task<string> WaitForValueAsync(string expression, Func<string?, bool> predicate, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        string? value = null;
        while (deadline.Elapsed < timeout)
        {
            try
            {
                value = await EvaluateAsync(expression);
            }
            catch (TimeoutException)
            {
                // A navigation can swallow an evaluation; ask again.
            }

            if (predicate(value))
            {
                return value!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"'{expression}' was still '{value}' after {timeout}.");
    }

    /// <summary>Every event of <paramref name="method"/> seen so far.</summary>
    public IReadOnlyList<JsonNode?> Events(string method)
    {
        lock (_events)
        {
            return [.. _events.Where(e => e.Method == method).Select(e => e.Params)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        _socket.Dispose();
        if (_receive is not null)
        {
            await Task.WhenAny(_receive, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        _stop.Dispose();
        _send.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; a leftover temp profile is harmless.
        }
    }

    private async Task ConnectAsync()
    {
        var browserUrl = await ReadDevToolsUrlAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var port = new Uri(browserUrl).Port;
        using var http = new HttpClient();
        string? pageUrl = null;
        for (var attempt = 0; attempt < 50 && pageUrl is null; attempt++)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
            pageUrl = targets.FirstOrDefault(t => t?["type"]?.ToString() == "page")?["webSocketDebuggerUrl"]?.ToString();
            if (pageUrl is null)
            {
                await Task.Delay(100);
            }
        }

        await _socket.ConnectAsync(new Uri(pageUrl ?? throw new InvalidOperationException("Chromium opened no page.")), _stop.Token);
        _receive = Task.Run(ReceiveAsync);
    }

    private async Task<string> ReadDevToolsUrlAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                // Keep draining stderr so Chromium never blocks on a full pipe.
                _ = _process.StandardError.ReadToEndAsync();
                _ = _process.StandardOutput.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("Chromium exited before opening its DevTools endpoint.");
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            if (node?["id"] is { } id)
            {
                TaskCompletionSource<JsonNode?>? done;
                lock (_pending)
                {
                    _pending.Remove(id.GetValue<int>(), out done);
                }

                if (node["error"] is { } error)
                {
                    done?.TrySetException(new InvalidOperationException($"DevTools error: {error.ToJsonString()}"));
                }
                else
                {
                    done?.TrySetResult(node["result"]);
                }
            }
            else if (node?["method"] is { } method)
            {
                lock (_events)
                {
                    _events.Add((method.ToString(), node["params"]));
                }
            }
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
