using Esper.Api;
using Esper.Cli.Workspace;
using Esper.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Esper.Cli.Hybrid;

/// <summary>
/// Builds the <c>esper run</c> daemon: Kestrel on the loopback address of runtime.xml, the shared handlers
/// (<c>AddEsperApi</c>) over the embedded SQLite store in <c>~/.esper/data/esper.db</c>, the forward queue and the sync loop;
/// for each proxy (runtime.xml <c>&lt;proxy&gt;</c> or <c>--proxy</c>), a loopback port of its own whose traffic an
/// <see cref="EnforcingProxy"/> decides and forwards to that proxy's upstream.
/// </summary>
internal static class DaemonHost
{
    public static async Task<WebApplication> BuildAsync(EsperHome home, RuntimeSettings settings, Uri apiBase, string apiKey, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([settings.Listen, .. settings.Proxies.Select(static p => p.ListenText)]);
        builder.WebHost.ConfigureKestrel(static k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // YARP logs every forwarded request at Information: one locked, flushed file write per proxied request.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        // Log lines carry the daemon's clock (the one AddEsperApi registers), like everything else it timestamps.
        builder.Services.AddSingleton<ILoggerProvider>(sp =>
            new RotatingFileLoggerProvider(home.LogsRoot, settings.MaxLogBytes, settings.KeepLogFiles, sp.GetRequiredService<TimeProvider>()));

        var services = builder.Services;
        Directory.CreateDirectory(home.DataRoot);
        services.AddEsperSqliteStore(options => options.Path = SqliteStoreOptions.PathIn(home.DataRoot));

        // Connectors call the daemon as they call origin; the rate limit is origin's business.
        services.AddEsperApi(static options =>
        {
            options.RateLimitPerMinute = 0;

            // Origin is the system of record: it records every forwarded event itself, and the durable forward queue
            // holds each one until origin has it. Locally only what later decisions read is kept (windows, penalties).
            options.RecordDecisions = false;
        });
        services.AddSingleton(settings);
        services.AddSingleton(new ConfigCache(home));
        services.AddSingleton(_ => new OriginClient(apiBase, apiKey));
        // Created by the container so it is disposed (its group writer drained, the file fsynced) at shutdown.
        services.AddSingleton(_ => new ForwardQueue(Path.Combine(home.DataRoot, "forward"), settings.MaxQueueBytes));
        services.AddSingleton<HybridStats>();
        services.AddSingleton<LocalDecider>();
        services.AddSingleton<HybridKeyIndex>();
        services.AddSingleton<ConfigApplier>();
        services.AddSingleton<MitigationFeed>();
        services.AddSingleton<OriginSync>();
        services.AddHostedService<SyncLoop>();
        services.AddSingleton(new DaemonTenant(Connection.TenantOfKey(apiKey) ?? "default"));

        if (settings.Proxies.Count > 0)
        {
            services.AddHttpForwarder();
        }

        var app = builder.Build();
        await EsperBootstrap.EnsureTenantOfKeyAsync(app.Services, apiKey, cancellationToken).ConfigureAwait(false);

        // The last good config serves from the first request, even when origin is down at start.
        await app.Services.GetRequiredService<OriginSync>().LoadCachedAsync(cancellationToken).ConfigureAwait(false);
        var stats = app.Services.GetRequiredService<HybridStats>();
        foreach (var proxy in settings.Proxies)
        {
            // Everything arriving on a proxy's port is its app's traffic: decided, then dropped or forwarded.
            var enforcing = ActivatorUtilities.CreateInstance<EnforcingProxy>(app.Services, proxy, stats.AddProxy(proxy), apiKey);
            app.Lifetime.ApplicationStopped.Register(enforcing.Dispose);
            var port = proxy.Listen.Port;
            app.MapWhen(context => context.Connection.LocalPort == port, branch => branch.Run(enforcing.HandleAsync));
        }

        app.UseRouting();
        app.MapDaemon();
        return app;
    }
}
