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
            // Only admin keys may list keys. The listed prefix is not unique, so a key is named only when one admin key fits it.
            var candidates = keys.Where(k => ResourceJson.Text(k, "scope") == "admin" && k["revoked_at"] is null
                && ResourceJson.Text(k, "prefix") is { } prefix && connection.Secret!.StartsWith(prefix.TrimEnd('…'), StringComparison.Ordinal)).ToList();
            key = candidates.Count == 1 ? candidates[0] : null;
            scope = "admin";
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
