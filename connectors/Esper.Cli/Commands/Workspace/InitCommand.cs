using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Hybrid;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

/// <summary><c>esper init</c>: writes the workspace (config.yaml, credentials.xml, runtime.xml with its defaults if missing, data/, cache/, logs/).</summary>
internal sealed class InitCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<InitSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var home = Home;
        var store = new WorkspaceStore(home);
        var config = store.Load();
        var name = settings.Profile ?? WorkspaceStore.DefaultProfile;
        var keyTenant = Connection.TenantOfKey(settings.ApiKey);
        if (keyTenant is not null && settings.TenantId is not null && keyTenant != settings.TenantId)
        {
            throw new UsageException($"--api-key belongs to tenant '{keyTenant}', not --tenant-id '{settings.TenantId}'");
        }

        var profile = new ProfileConfig { ApiBase = settings.ApiBase!.TrimEnd('/'), TenantId = settings.TenantId ?? keyTenant };
        config.Profiles[name] = profile;
        config.CurrentProfile = name;
        store.Save(config);
        foreach (var folder in new[] { home.DataRoot, home.CacheRoot, home.LogsRoot })
        {
            Directory.CreateDirectory(folder);
        }

        // The daemon's settings, commented, for people to edit; an existing file is theirs and is left alone.
        var runtimeWritten = !File.Exists(home.RuntimeFile);
        if (runtimeWritten)
        {
            new RuntimeSettings().Save(home.RuntimeFile);
        }

        var credentials = new CredentialStore(home);
        if (settings.ApiKey is not null)
        {
            credentials.Set(name, credentials.Get(name) with { ApiKey = settings.ApiKey });
        }

        var hasKey = credentials.Get(name).ApiKey is not null;
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(new JsonObject
            {
                ["workspace"] = home.Root,
                ["profile"] = name,
                ["api_base"] = profile.ApiBase,
                ["tenant_id"] = profile.TenantId,
                ["api_key_stored"] = hasKey,
                ["runtime_file"] = home.RuntimeFile,
                ["runtime_file_written"] = runtimeWritten,
            });
        }
        else
        {
            output.Line($"Workspace {home.Root}: profile '{name}' uses {profile.ApiBase}{(profile.TenantId is null ? "" : $", tenant {profile.TenantId}")}.");
            output.Line(runtimeWritten
                ? $"Daemon settings (esper run) written to {home.RuntimeFile} with the defaults."
                : $"Daemon settings (esper run) kept as they are in {home.RuntimeFile}.");
            output.Line(hasKey
                ? $"API key stored in {home.CredentialsFile} (mode 0600)."
                : "No API key yet: esper auth login --token <jwt>, or esper init again with --api-key <secret>.");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
