using Esper.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Esper.Connectors.Testing;

/// <summary>A small app with UseEsper() on Kestrel at a free loopback port; <c>/feature</c> echoes the decision feature.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<TestApp> StartAsync(Uri esper, Action<EsperOptions>? configure = null, Action<IServiceCollection>? services = null, Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddEsper(o =>
        {
            o.ApiUrl = esper;
            o.ApiKey = EsperHostProcess.AdminKey;
            configure?.Invoke(o);
        });
        builder.Services.Configure<Esper.Client.EsperClientOptions>(static o =>
        {
            // Generous timeouts: the tests share a loaded machine; tests of timing set their own.
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseEsper();
        app.MapGet("/", () => "home");
        app.MapPost("/login", () => "signed in");
        app.MapGet("/feature", (HttpContext context) =>
        {
            var verdict = context.Features.Get<IEsperDecisionFeature>()?.Verdict;
            return $"{verdict?.Action}|{verdict?.Enforced}|{verdict?.Failure}|{verdict?.Remembered}|{verdict?.Decision?.DecisionId}";
        });
        endpoints?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, new Uri(address));
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
