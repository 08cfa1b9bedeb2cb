using Esper.Cli.Commands;
using Esper.Cli.Infrastructure;

namespace Esper.Cli.Workspace;

/// <summary>
/// Combines, in this order of precedence, command flags, the environment (<c>ESPER_API_URL</c>, <c>ESPER_API_KEY</c>)
/// and the selected profile of the workspace. A configured API key wins over a stored operator token.
/// </summary>
internal sealed class ConnectionResolver(CliEnvironment environment)
{
    public const string ApiUrlVariable = "ESPER_API_URL";
    public const string ApiKeyVariable = "ESPER_API_KEY";

    public Connection Resolve(GlobalSettings settings)
    {
        var home = EsperHome.From(environment);
        var config = new WorkspaceStore(home).Load();
        var profileName = settings.Profile ?? config.CurrentProfile;
        if (!config.Profiles.TryGetValue(profileName, out var profile))
        {
            if (settings.Profile is not null)
            {
                throw new UsageException($"No profile '{profileName}' in {home.ConfigFile} (esper profile list shows them).");
            }

            profile = new ProfileConfig();
        }

        var apiBase = settings.ApiBase ?? environment.Variable(ApiUrlVariable) ?? profile.ApiBase
            ?? throw new UsageException($"No API base configured: run esper init --api-base <url> (workspace {home.Root}) or pass --api-base.");
        if (!ApiBaseUrl.IsValid(apiBase))
        {
            throw new UsageException($"The API base '{apiBase}' is not an absolute http(s) URL (profile '{profileName}').");
        }

        var stored = new CredentialStore(home).Get(profileName);
        var (kind, secret, source) = environment.Variable(ApiKeyVariable) is { } envKey
            ? (CredentialKind.ApiKey, envKey, $"API key from {ApiKeyVariable}")
            : stored.ApiKey is { } key
                ? (CredentialKind.ApiKey, key, $"API key of profile '{profileName}'")
                : stored.OperatorToken is { } token
                    ? (CredentialKind.OperatorToken, token, $"operator token of profile '{profileName}' (esper auth login)")
                    : (CredentialKind.None, (string?)null, "none");

        var keyTenant = kind == CredentialKind.ApiKey ? Connection.TenantOfKey(secret) : null;
        var tenant = settings.TenantId ?? profile.TenantId ?? keyTenant;
        if (keyTenant is not null && tenant is not null && keyTenant != tenant)
        {
            throw new UsageException($"The {source} belongs to tenant '{keyTenant}', not '{tenant}'; use that tenant's key or profile.");
        }

        return new Connection(profileName, new Uri(apiBase.TrimEnd('/') + "/"), tenant, kind, secret, source);
    }
}
