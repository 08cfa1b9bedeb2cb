using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Hybrid;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Hybrid;

/// <summary>
/// <c>esper sync [kind]</c>: one conditional GET of origin's config snapshot into <c>~/.esper/cache/</c>, then a line
/// per kind saying what was added, changed or removed (or that origin answered 304: nothing changed).
/// </summary>
internal sealed class SyncCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<SyncSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, SyncSettings settings, CancellationToken cancellationToken)
    {
        var connection = Connect(settings);
        if (connection.Credential != CredentialKind.ApiKey)
        {
            throw new UsageException("esper sync needs an API key (runtime scope is enough): esper init --api-key <secret>, or ESPER_API_KEY.");
        }

        var cache = new ConfigCache(Home);
        var kinds = settings.Kinds;
        using var origin = new OriginClient(connection.ApiBase, connection.Secret!);
        var (snapshot, etag) = await origin.GetConfigAsync(cache.ETagFor(kinds), cancellationToken).ConfigureAwait(false);
        var output = Out(settings);
        if (snapshot is null)
        {
            var version = etag?.Trim('"').Replace("cfg-", "", StringComparison.Ordinal) ?? "?";
            if (output.IsJson)
            {
                output.Json(new JsonObject { ["not_modified"] = true, ["version"] = version });
            }
            else
            {
                output.Line($"Up to date: origin's config is still version {version} (304).");
            }

            return ExitCodes.Success;
        }

        var changes = cache.Store(snapshot, etag, kinds);
        if (output.IsJson)
        {
            output.Json(new JsonObject
            {
                ["not_modified"] = false,
                ["version"] = snapshot["version"]?.DeepClone(),
                ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
                {
                    ["kind"] = c.Kind,
                    ["added"] = new JsonArray([.. c.Added.Select(a => (JsonNode)a)]),
                    ["changed"] = new JsonArray([.. c.Changed.Select(a => (JsonNode)a)]),
                    ["removed"] = new JsonArray([.. c.Removed.Select(a => (JsonNode)a)]),
                })]),
            });
        }
        else
        {
            foreach (var change in changes)
            {
                output.Line(change.Describe());
            }

            output.Line($"Cached in {Home.CacheRoot}.");
        }

        return ExitCodes.Success;
    }
}
