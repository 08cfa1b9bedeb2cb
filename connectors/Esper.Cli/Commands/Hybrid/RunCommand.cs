using Esper.Cli.Api;
using Esper.Cli.Hybrid;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Microsoft.AspNetCore.Builder;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>
/// <c>esper run</c>: the hybrid daemon. Decides locally with the shared engine and handlers over the embedded store,
/// from the config synced from origin, and forwards every decision's event to origin's beacon through a durable queue.
/// </summary>
internal sealed class RunCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<RunSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var home = Home;
        var runtime = RuntimeSettings.Load(home.RuntimeFile);
        runtime.Listen = settings.Listen ?? runtime.Listen;
        runtime.SyncIntervalSeconds = settings.SyncIntervalSeconds ?? runtime.SyncIntervalSeconds;
        if (settings.Route is { } route)
        {
            runtime.Proxies = [route];
        }

        if (runtime.Validate() is { Count: > 0 } errors)
        {
            throw new UsageException($"{home.RuntimeFile} (or the option that overrides it): {string.Join("; ", errors)}");
        }

        var output = Out(settings);
        if (settings.Stats)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                var text = await http.GetStringAsync(new Uri(new Uri(runtime.Listen), "/stats"), cancellationToken).ConfigureAwait(false);
                output.Line(text);
                return ExitCodes.Success;
            }
            catch (HttpRequestException ex)
            {
                throw new UnreachableException(runtime.Listen, ex.Message, ex);
            }
        }

        var connection = Connect(settings);
        if (connection.Credential != CredentialKind.ApiKey)
        {
            throw new UsageException("esper run needs an API key (runtime scope is enough): esper init --api-key <secret>, or ESPER_API_KEY.");
        }

        WebApplication app;
        try
        {
            app = await DaemonHost.BuildAsync(home, runtime, connection.ApiBase, connection.Secret!, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is IOException)
        {
            // The embedded store refuses a file another process holds (its lock file): the one expected way to fail here.
            throw new HomeInUseException(home.Root, ex);
        }

        await using var running = app;
        output.Line($"esper run: deciding on {runtime.Listen} for tenant {Connection.TenantOfKey(connection.Secret) ?? "default"}; origin {connection.ApiBase}; logs in {home.LogsRoot}.");
        foreach (var proxy in runtime.Proxies)
        {
            output.Line($"esper run: enforcing on {proxy.ListenText} in front of {proxy.Upstream}.");
        }

        await app.RunAsync().ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
