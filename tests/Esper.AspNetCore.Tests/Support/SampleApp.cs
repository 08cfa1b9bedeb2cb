using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Connectors.Testing;

/// <summary>The Heroku sample app on a free loopback port (Kestrel, real sockets), configured through the Esper section.</summary>
internal sealed class SampleApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    private SampleApp(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public static SampleApp Start(Uri esper, string apiKey, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Esper:ApiUrl"] = esper.ToString(),
            ["Esper:ApiKey"] = apiKey,
        };
        var app = new SampleApp(all, services);
        // An explicit loopback listener: UseKestrel(0) races the app's own bind (dotnet/aspnetcore#67714).
        app.UseKestrel(static options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return app;
    }

    /// <summary>A client that follows no redirect and keeps no cookies: each test reads every hop itself.</summary>
    public HttpClient Browser(string clientIp, string userAgent = "Mozilla/5.0 (sample tests)")
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
