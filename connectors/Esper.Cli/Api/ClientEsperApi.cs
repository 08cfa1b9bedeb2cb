using System.Text.Json.Nodes;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Esper.Client;

namespace Esper.Cli.Api;

/// <summary>The commands' calls over <see cref="IEsperClient"/>, with its errors turned into the CLI's exit codes.</summary>
internal sealed class ClientEsperApi(IEsperClient client, string apiBase) : IEsperApi
{
    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceKind kind, CancellationToken cancellationToken) => CallAsync(async () => kind.Singular switch
    {
        "action" => Json(await client.Actions.ListAsync(cancellationToken).ConfigureAwait(false)),
        "entity" => Json(await client.Entities.ListAsync(cancellationToken).ConfigureAwait(false)),
        "mitigation" => Json(await client.Mitigations.ListAsync(cancellationToken).ConfigureAwait(false)),
        _ => Json(await client.Policies.ListAsync(cancellationToken).ConfigureAwait(false)),
    });

    public Task<VersionedResource?> GetAsync(ResourceKind kind, string id, CancellationToken cancellationToken) => CallAsync(async () => kind.Singular switch
    {
        "action" => Maybe(await client.Actions.GetAsync(id, cancellationToken).ConfigureAwait(false)),
        "entity" => Maybe(await client.Entities.GetAsync(id, cancellationToken).ConfigureAwait(false)),
        "mitigation" => Maybe(await client.Mitigations.GetAsync(id, cancellationToken).ConfigureAwait(false)),
        _ => Maybe(await client.Policies.GetAsync(id, cancellationToken).ConfigureAwait(false)),
    });

    public Task<VersionedResource> CreateAsync(ResourceKind kind, JsonObject resource, CancellationToken cancellationToken) => CallAsync(async () => kind.Singular switch
    {
        "action" => Json(await client.Actions.CreateAsync(ClientModels.ToModel<EsperAction>(resource), cancellationToken).ConfigureAwait(false)),
        "entity" => Json(await client.Entities.CreateAsync(ClientModels.ToModel<EsperEntity>(resource), cancellationToken).ConfigureAwait(false)),
        "mitigation" => Json(await client.Mitigations.CreateAsync(ClientModels.ToModel<EsperMitigation>(resource), cancellationToken).ConfigureAwait(false)),
        _ => Json(await client.Policies.CreateAsync(ClientModels.ToModel<EsperPolicy>(resource), cancellationToken).ConfigureAwait(false)),
    });

    public Task<VersionedResource> ReplaceAsync(ResourceKind kind, string id, JsonObject resource, string? ifMatch, CancellationToken cancellationToken) => CallAsync(async () => kind.Singular switch
    {
        "action" => Json(await client.Actions.ReplaceAsync(id, ClientModels.ToModel<EsperAction>(resource), ifMatch, cancellationToken).ConfigureAwait(false)),
        "entity" => Json(await client.Entities.ReplaceAsync(id, ClientModels.ToModel<EsperEntity>(resource), ifMatch, cancellationToken).ConfigureAwait(false)),
        "mitigation" => Json(await client.Mitigations.ReplaceAsync(id, ClientModels.ToModel<EsperMitigation>(resource), ifMatch, cancellationToken).ConfigureAwait(false)),
        _ => Json(await client.Policies.ReplaceAsync(id, ClientModels.ToModel<EsperPolicy>(resource), ifMatch, cancellationToken).ConfigureAwait(false)),
    });

    public Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        await (kind.Singular switch
        {
            "action" => client.Actions.DeleteAsync(id, null, cancellationToken),
            "entity" => client.Entities.DeleteAsync(id, null, cancellationToken),
            "mitigation" => client.Mitigations.DeleteAsync(id, null, cancellationToken),
            _ => client.Policies.DeleteAsync(id, null, cancellationToken),
        }).ConfigureAwait(false);
        return true;
    });

    public Task<IReadOnlyList<JsonObject>> ListKeysAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => Json(await client.ListApiKeysAsync(cancellationToken).ConfigureAwait(false)));

    public Task<JsonObject> CreateKeyAsync(string name, string scope, string trustLevel, CancellationToken cancellationToken) =>
        CallAsync(async () => ClientModels.ToJson(await client.CreateApiKeyAsync(new ApiKeyCreate(name, scope, trustLevel), cancellationToken).ConfigureAwait(false)));

    public Task RevokeKeyAsync(string id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        await client.RevokeApiKeyAsync(id, cancellationToken).ConfigureAwait(false);
        return true;
    });

    public Task<IReadOnlyList<JsonObject>> PolicyResultsAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => Json(await client.ListResultsAsync(cancellationToken).ConfigureAwait(false)));

    public Task<JsonObject> PolicyResultAsync(string policyId, CancellationToken cancellationToken) =>
        CallAsync(async () => ClientModels.ToJson(await client.GetResultsAsync(policyId, cancellationToken).ConfigureAwait(false)));

    public Task<IReadOnlyList<JsonObject>> AuditAsync(int limit, CancellationToken cancellationToken) =>
        CallAsync(async () => Json(await client.ListAuditAsync(limit, cancellationToken).ConfigureAwait(false)));

    private static IReadOnlyList<JsonObject> Json<T>(IReadOnlyList<T> items) => [.. items.Select(ClientModels.ToJson)];

    private static VersionedResource Json<T>(Versioned<T> versioned) => new(ClientModels.ToJson(versioned.Value), versioned.ETag);

    private static VersionedResource? Maybe<T>(Versioned<T>? versioned)
        where T : class => versioned is null ? null : new(ClientModels.ToJson(versioned.Value), versioned.ETag);

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (EsperApiException ex)
        {
            var problem = ex.Problem;
            throw new ApiProblemException(problem.Status, problem.Title, problem.Detail ?? ex.Message, problem.Field);
        }
        catch (EsperUnavailableException ex)
        {
            throw new UnreachableException(apiBase, ex.Reason switch
            {
                EsperUnavailableReason.Timeout => "it did not answer in time",
                EsperUnavailableReason.CircuitOpen => "too many failed calls",
                _ => ex.InnerException?.Message ?? ex.Message,
            }, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new UnreachableException(apiBase, ex.Message, ex);
        }
    }
}
