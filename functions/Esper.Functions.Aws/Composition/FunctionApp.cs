using Esper.Api;
using Esper.Api.Http;
using Esper.Api.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Esper.Functions.Aws.Composition;

/// <summary>The shared handler with its store, built once per execution environment (the cold start).</summary>
internal sealed class FunctionApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FunctionApp(ServiceProvider services)
    {
        _services = services;
        Handler = services.GetRequiredService<IApiHandler>();
        Recordings = services.GetRequiredService<PendingRecordings>();
        Time = services.GetRequiredService<TimeProvider>();
    }

    public IApiHandler Handler { get; }

    /// <summary>Record writes started after an answer; drained before the next event, since Lambda freezes the environment between events.</summary>
    public PendingRecordings Recordings { get; }

    /// <summary>The clock the handler runs on.</summary>
    public TimeProvider Time { get; }

    /// <summary>Builds the handler and makes sure the default tenant exists; a failure here is an init error.</summary>
    public static async Task<FunctionApp> StartAsync(EsperSettings settings, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        // Lambda sends stdout to CloudWatch Logs; one line per entry keeps entries whole there.
        services.AddLogging(static logging => logging.AddSimpleConsole(static console => console.SingleLine = true));
#pragma warning disable RS0030 // The function's composition root owns the clock.
        services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.AddEsperApi(settings);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var app = new FunctionApp(provider);
        try
        {
            var createdKey = await EsperBootstrap.EnsureDefaultTenantAsync(provider, settings.BootstrapAdminKey, cancellationToken).ConfigureAwait(false);
            if (createdKey is not null)
            {
                // Shown once, like the local host does; deployments should set ESPER_BOOTSTRAP_ADMIN_KEY instead.
                await Console.Out.WriteLineAsync($"Created the default tenant's admin API key (shown once): {createdKey}").ConfigureAwait(false);
            }
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
