using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Esper.Connectors.Testing;

namespace Esper.Lambda.Tests.Sample;

/// <summary>
/// STAND-IN for AWS Lambda's Runtime API (the part a custom runtime talks to) on a free 127.0.0.1 port: it hands out
/// the events queued with <see cref="InvokeAsync"/> one at a time and completes each with the function's answer.
/// </summary>
internal sealed class FakeRuntimeApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly BlockingCollection<(string Id, string Event)> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _answers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FakeRuntimeApi()
    {
        Address = $"127.0.0.1:{EsperHostProcess.FreePort()}";
        _listener.Prefixes.Add($"http://{Address}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    /// <summary>The init error the function posted, if it posted one.</summary>
    public TaskCompletionSource<string> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues an event and waits (bounded) for the response the function posts for it.</summary>
    public async Task<string> InvokeAsync(string eventJson)
    {
        var id = Guid.NewGuid().ToString("N");
        var answer = _answers.GetOrAdd(id, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        _events.Add((id, eventJson));
        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending call.
        }

        _events.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        try
        {
            if (path == "/2018-06-01/runtime/invocation/next")
            {
                var (id, eventJson) = _events.Take(_stop.Token);
                context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
                await WriteAsync(context, 200, eventJson);
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var parts = path.Split('/');
            if (path == "/2018-06-01/runtime/init/error")
            {
                InitError.TrySetResult(body);
            }
            else if (parts is [_, _, "runtime", "invocation", var id, "response" or "error"] && _answers.TryGetValue(id, out var answer))
            {
                answer.TrySetResult(parts[5] == "error" ? "error: " + body : body);
            }

            await WriteAsync(context, 202, "{}");
        }
        catch (OperationCanceledException)
        {
            context.Response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
