using System.Text.Json.Nodes;
using Esper.Cli.Resources;

namespace Esper.Cli.Api;

/// <summary>
/// The calls the commands make. Every failure is a <see cref="Infrastructure.ApiProblemException"/> (Esper answered an
/// error) or an <see cref="Infrastructure.UnreachableException"/> (it could not be reached); a missing resource on
/// <see cref="GetAsync"/> is null.
/// </summary>
internal interface IEsperApi
{
    Task<IReadOnlyList<JsonObject>> ListAsync(ResourceKind kind, CancellationToken cancellationToken);

    Task<VersionedResource?> GetAsync(ResourceKind kind, string id, CancellationToken cancellationToken);

    Task<VersionedResource> CreateAsync(ResourceKind kind, JsonObject resource, CancellationToken cancellationToken);

    Task<VersionedResource> ReplaceAsync(ResourceKind kind, string id, JsonObject resource, string? ifMatch, CancellationToken cancellationToken);

    Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> ListKeysAsync(CancellationToken cancellationToken);

    Task<JsonObject> CreateKeyAsync(string name, string scope, string trustLevel, CancellationToken cancellationToken);

    Task RevokeKeyAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> PolicyResultsAsync(CancellationToken cancellationToken);

    Task<JsonObject> PolicyResultAsync(string policyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> AuditAsync(int limit, CancellationToken cancellationToken);
}
