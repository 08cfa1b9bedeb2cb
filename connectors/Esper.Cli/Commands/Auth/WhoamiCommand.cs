using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Auth;

/// <summary>
/// <c>esper auth whoami</c>: which credential is in use, the tenant and the key's scope, checked against Esper; never
/// the secret. An admin key finds itself in the key list (by its public prefix); a key that may not list keys is a
/// runtime key.
/// </summary>
internal sealed class WhoamiCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<GlobalSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var connection = Connect(settings);
        var api = Api(settings);
        string scope;
        JsonObject? key = null;
        try
        {
            var keys = await api.ListKeysAsync(cancellationToken).ConfigureAwait(false);
            key = keys.FirstOrDefault(k => ResourceJson.Text(k, "secret_prefix") is { } prefix && connection.Secret!.StartsWith(prefix, StringComparison.Ordinal));
            scope = key is null ? "admin" : ResourceJson.Text(key, "scope") ?? "admin";
        }
        catch (ApiProblemException ex) when (ex.Status == 403)
        {
            scope = "runtime";
        }

        var credential = connection.Credential == CredentialKind.ApiKey ? "api_key" : "operator_token";
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(new JsonObject
            {
                ["profile"] = connection.Profile,
                ["api_base"] = connection.ApiBase.ToString().TrimEnd('/'),
                ["credential"] = credential,
                ["credential_source"] = connection.CredentialSource,
                ["tenant_id"] = connection.TenantId,
                ["scope"] = scope,
                ["key_id"] = key is null ? null : ResourceJson.Id(key),
                ["key_name"] = key is null ? null : ResourceJson.Name(key),
            });
        }
        else
        {
            output.Table(["PROFILE", "API BASE", "CREDENTIAL", "TENANT", "SCOPE", "KEY"],
            [[
                connection.Profile,
                connection.ApiBase.ToString().TrimEnd('/'),
                connection.CredentialSource,
                connection.TenantId,
                scope,
                key is null ? null : $"{ResourceJson.Id(key)} ({ResourceJson.Name(key)})",
            ]]);
        }

        return ExitCodes.Success;
    }
}
