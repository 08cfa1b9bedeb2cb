using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>
/// <c>esper capture test-server --port 8888</c>: a plain HTTP/1.1 app on 127.0.0.1 to put behind <c>esper run --proxy</c>
/// or to capture on <c>lo</c>. Every request answers 200 with its method, path and how many requests it has served, so
/// a check can see which requests reached the app.
/// </summary>
internal sealed class TestServerCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<TestServerSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TestServerSettings settings, CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{settings.Port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        long served = 0;
        app.Run(async http =>
        {
            var count = Interlocked.Increment(ref served);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject
            {
                ["served"] = count,
                ["method"] = http.Request.Method,
                ["path"] = http.Request.Path.Value,
            }.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Out(settings).Line($"esper capture test-server: listening on {url}; Ctrl-C to stop.");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
