using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Esper.AspNetCore.Functions.Tests.Support;

/// <summary>
/// A Functions worker as far as it runs here: Kestrel on a free loopback port hands each request's real
/// <c>HttpContext</c> to a worker pipeline built by <c>UseEsper()</c>, in front of an HTTP-triggered "function"
/// that answers <c>function ran</c>. Only the invocation context is a double (<see cref="TestFunctionContext"/>).
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly int[] _functionRuns;

    private FunctionsApp(WebApplication app, Uri baseAddress, int[] functionRuns)
    {
        _app = app;
        BaseAddress = baseAddress;
        _functionRuns = functionRuns;
    }

    public Uri BaseAddress { get; }

    /// <summary>How many times the function itself ran.</summary>
    public int FunctionRuns => Volatile.Read(ref _functionRuns[0]);

    public static async Task<FunctionsApp> StartAsync(Uri esper, string apiKey, Action<EsperOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var worker = new TestWorkerApplicationBuilder(builder.Services);

        // The order of a worker's Program: UseEsper() may come before AddEsper().
        worker.UseEsper();
        builder.Services.AddEsper(o =>
        {
            o.ApiUrl = esper;
            o.ApiKey = apiKey;
            configure?.Invoke(o);
        });
        builder.Services.Configure<Esper.Client.EsperClientOptions>(static o =>
        {
            // Generous: the tests share a loaded machine; the fail-open test bounds its own time.
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        });
        var app = builder.Build();
        var runs = new int[1];
        var pipeline = worker.Build(async context =>
        {
            Interlocked.Increment(ref runs[0]);
            var http = context.GetHttpContext()!;
            var verdict = http.Features.Get<IEsperDecisionFeature>()?.Verdict;
            await http.Response.WriteAsync($"function ran|{verdict?.Action}|{verdict?.Failure}");
        });
        app.Run(http => pipeline(new TestFunctionContext(app.Services, http)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FunctionsApp(app, new Uri(address), runs);
    }

    /// <summary>Every client comes from 127.0.0.1: the user agent tells them apart (entity <c>ip-user-agent</c>).</summary>
    public HttpClient Client(string userAgent)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
