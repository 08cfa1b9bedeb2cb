using Esper.Api.Auth;
using Esper.Storage.Repositories;

namespace Esper.Api.Keys;

/// <summary>Creates keys: a fresh secret (or a given one), stored only as its SHA-256 hash.</summary>
internal sealed class ApiKeyIssuer(ApiKeyRepository keys, TimeProvider time)
{
    /// <summary>Creates the key; null when the secret is already in use.</summary>
    public async ValueTask<(ApiKeyRecord Record, string Secret)?> IssueAsync(
        string tenantId, string name, string scope, string trustLevel, string? createdBy, string? secret, CancellationToken cancellationToken)
    {
        secret ??= ApiKeySecrets.Generate(tenantId);
        var record = new ApiKeyRecord(ApiKeySecrets.NewKeyId(), tenantId, name, scope, trustLevel, ApiKeySecrets.Display(secret), time.GetUtcNow(), createdBy, null);
        var created = await keys.TryCreateAsync(record, ApiKeySecrets.Hash(secret), cancellationToken).ConfigureAwait(false);
        return created ? (record, secret) : null;
    }
}
