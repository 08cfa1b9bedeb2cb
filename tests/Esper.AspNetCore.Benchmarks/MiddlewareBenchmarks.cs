using BenchmarkDotNet.Attributes;
using Esper.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Esper.AspNetCore.Benchmarks;

/// <summary>
/// One GET through an app's whole pipeline (in-memory server, routing, a minimal endpoint), with and without
/// <c>UseEsper()</c>; Esper itself is <see cref="StubEsperHandler"/>. The difference is the middleware's own cost.
/// </summary>
[MemoryDiagnoser]
public class MiddlewareBenchmarks
{
    private WebApplication _bare = null!;
    private WebApplication _protected = null!;
    private TestServer _bareServer = null!;
    private TestServer _protectedServer = null!;
    private IEsperClient _client = null!;

    /// <summary>About what the middleware sends for <see cref="SendAsync"/>'s request.</summary>
    private static readonly EsperEvent Event = new()
    {
        Request = new EsperRequest
        {
            Method = "GET",
            Path = "/products/42",
            ClientIp = "198.51.100.7",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Benchmark/1.0",
            Headers = new Dictionary<string, string> { ["accept"] = "text/html", ["accept-language"] = "en-GB,en;q=0.9", ["user-agent"] = "Mozilla/5.0 (X11; Linux x86_64) Benchmark/1.0" },
            QueryParams = new Dictionary<string, string> { ["ref"] = "home" },
            Cookies = new Dictionary<string, string> { ["session"] = "", ["theme"] = "" },
            RouteParams = new Dictionary<string, string> { ["id"] = "42" },
        },
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_bare, _bareServer) = await StartAsync(withEsper: false);
        (_protected, _protectedServer) = await StartAsync(withEsper: true);
        _client = _protected.Services.GetRequiredService<IEsperClient>();

        // Measure the path that asks Esper and applies its answer, not a fail-open shortcut.
        var context = await Protected();
        var verdict = context.Features.Get<IEsperDecisionFeature>()?.Verdict;
        if (verdict?.Decision?.DecisionId != "dec_0123456789abcdef" || context.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The protected app did not get the stub's decision: {verdict?.Failure} {context.Response.StatusCode}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _bare.DisposeAsync();
        await _protected.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "app without UseEsper()")]
    public Task<HttpContext> Bare() => SendAsync(_bareServer);

    [Benchmark(Description = "app with UseEsper() (Esper stubbed)")]
    public Task<HttpContext> Protected() => SendAsync(_protectedServer);

    /// <summary>The client's share of the connector: one decision through Refit, the resilience pipeline and the stub.</summary>
    [Benchmark(Description = "IEsperClient.DecideAsync alone (Esper stubbed)")]
    public Task<EsperDecision> ClientOnly() => _client.DecideAsync(Event with { IdempotencyKey = "bench" });

    private static Task<HttpContext> SendAsync(TestServer server) => server.SendAsync(static context =>
    {
        context.Request.Method = "GET";
        context.Request.Path = "/products/42";
        context.Request.QueryString = new QueryString("?ref=home");
        context.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Benchmark/1.0";
        context.Request.Headers.Accept = "text/html";
        context.Request.Headers.AcceptLanguage = "en-GB,en;q=0.9";
        context.Request.Headers.Cookie = "session=abc; theme=dark";
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("198.51.100.7");
    });

    private static async Task<(WebApplication App, TestServer Server)> StartAsync(bool withEsper)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (withEsper)
        {
            builder.Services.AddEsper(static o =>
            {
                o.ApiUrl = new Uri("http://esper.invalid");
                o.ApiKey = "esk_default_benchmark";
            });
            builder.Services.AddHttpClient(EsperHttpClients.Runtime).ConfigurePrimaryHttpMessageHandler(static () => new StubEsperHandler());
        }

        var app = builder.Build();
        if (withEsper)
        {
            app.UseEsper();
        }

        app.MapGet("/products/{id}", static (string id) => Results.Text("product " + id));
        await app.StartAsync();
        return (app, app.GetTestServer());
    }
}
