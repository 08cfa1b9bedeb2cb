using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Esper.Functions.Aws.Tests.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01) as Lambda serves it to a custom runtime, on Kestrel at 127.0.0.1: hands out
/// queued events on invocation/next and records what the function posts back.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);
    private readonly Channel<(string Id, string Payload)> _events = Channel.CreateUnbounded<(string, string)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeAnswer>> _answers = new();
    private readonly TaskCompletionSource<RuntimeAnswer> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication _app;
    private int _next;

    private FakeRuntimeApi(WebApplication app) => _app = app;

    /// <summary>host:port to put in AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Number of invocation/next calls received (a waiting long poll counts).</summary>
    public int NextCalls;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeRuntimeApi(app);
        app.MapGet("/2018-06-01/runtime/invocation/next", api.NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (string id, HttpRequest request) => api.RecordAsync(id, "response", request));
        app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (string id, HttpRequest request) => api.RecordAsync(id, "error", request));
        app.MapPost("/2018-06-01/runtime/init/error", (HttpRequest request) => api.RecordInitErrorAsync(request));
        await app.StartAsync();
        var url = app.Urls.First();
        api.Address = new Uri(url).Authority;
        return api;
    }

    /// <summary>Queues one event and waits for the function's answer to it.</summary>
    public async Task<RuntimeAnswer> InvokeAsync(string payload)
    {
        var id = $"req-{Interlocked.Increment(ref _next)}";
        var answer = _answers.GetOrAdd(id, static _ => new TaskCompletionSource<RuntimeAnswer>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _events.Writer.WriteAsync((id, payload));
        return await answer.Task.WaitAsync(AnswerTimeout);
    }

    public Task<RuntimeAnswer> InitErrorAsync() => _initError.Task.WaitAsync(AnswerTimeout);

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref NextCalls);
        (string Id, string Payload) evt;
        try
        {
            evt = await _events.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return;
        }

        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds();
        context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = evt.Id;
        context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:esper";
        context.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(evt.Payload);
    }

    private async Task<IResult> RecordAsync(string id, string kind, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var errorType = request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault();
        if (!_answers.TryGetValue(id, out var answer) || !answer.TrySetResult(new RuntimeAnswer(kind, errorType, body)))
        {
            return Results.BadRequest();
        }

        return Results.Accepted();
    }

    private async Task<IResult> RecordInitErrorAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        _initError.TrySetResult(new RuntimeAnswer("init-error", request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(), body));
        return Results.Accepted();
    }
}
