using Esper.Api.Audit;
using Esper.Api.Auth;
using Esper.Api.Config;
using Esper.Api.Keys;
using Esper.Storage.Repositories;

namespace Esper.Api.Tenants;

/// <summary>Creates tenants with their bundled entities and first admin key.</summary>
internal sealed class TenantProvisioner(TenantRepository tenants, ApiKeyRepository keys, ApiKeyIssuer issuer, ConfigSeeder seeder, AuditLog audit, TimeProvider time)
{
    /// <summary>Creates the tenant, seeds it and issues its admin key; null when the slug is taken.</summary>
    public async ValueTask<(TenantRecord Tenant, ApiKeyRecord Key, string Secret)?> CreateAsync(string name, string slug, string? adminSecret, CancellationToken cancellationToken)
    {
        var tenant = new TenantRecord(slug, name, slug, time.GetUtcNow());
        if (!await tenants.TryCreateAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await seeder.SeedAsync(slug, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(slug, null, "tenant", slug, "created", cancellationToken).ConfigureAwait(false);
        var issued = await issuer.IssueAsync(slug, "admin", KeyScopes.Admin, TrustLevels.External, null, adminSecret, cancellationToken).ConfigureAwait(false);
        if (issued is not { } key)
        {
            // Only a chosen secret can collide: another process starting with the same bootstrap key stored it first.
            var record = adminSecret is null ? null : await WaitForOtherProcessKeyAsync(slug, adminSecret, cancellationToken).ConfigureAwait(false);
            return record is null ? throw new InvalidOperationException("The admin secret of a new tenant is already in use.") : (tenant, record, adminSecret!);
        }

        await audit.RecordAsync(slug, null, "api_key", key.Record.Id, "created", cancellationToken).ConfigureAwait(false);
        return (tenant, key.Record, key.Secret);
    }

    // The other process claims the secret's hash before it writes the key record, so the record can lag the claim by
    // a moment: wait for it (bounded) instead of failing a start-up that raced another one with the same key.
    private async ValueTask<ApiKeyRecord?> WaitForOtherProcessKeyAsync(string slug, string secret, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var existing = await keys.FindByHashAsync(slug, ApiKeySecrets.Hash(secret), cancellationToken).ConfigureAwait(false);
            if (existing is not null && await keys.GetAsync(slug, existing.KeyId, cancellationToken).ConfigureAwait(false) is { } record)
            {
                return record;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// Makes sure the <c>default</c> tenant exists. With a bootstrap key, that key is made an admin key of it (once);
    /// without one, a first start creates a fresh admin key and returns it so the host can print it once.
    /// </summary>
    public ValueTask<string?> EnsureDefaultAsync(string? bootstrapKey, CancellationToken cancellationToken) =>
        EnsureAsync(ApiKeySecrets.DefaultTenant, "Default", bootstrapKey, cancellationToken);

    /// <summary>As <see cref="EnsureDefaultAsync"/>, for the tenant <paramref name="id"/> (a hybrid daemon mirrors its origin tenant).</summary>
    public async ValueTask<string?> EnsureAsync(string id, string name, string? bootstrapKey, CancellationToken cancellationToken)
    {
        if (bootstrapKey is { Length: > 0 } && ApiKeySecrets.TenantOf(bootstrapKey) != id)
        {
            throw new InvalidOperationException($"The bootstrap admin key names tenant '{ApiKeySecrets.TenantOf(bootstrapKey)}'; it must belong to '{id}'.");
        }

        if (await tenants.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            var created = await CreateAsync(name, id, bootstrapKey is { Length: > 0 } ? bootstrapKey : null, cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                return bootstrapKey is { Length: > 0 } ? null : created.Value.Secret;
            }
        }

        if (bootstrapKey is { Length: > 0 } && await keys.FindByHashAsync(id, ApiKeySecrets.Hash(bootstrapKey), cancellationToken).ConfigureAwait(false) is null)
        {
            var issued = await issuer.IssueAsync(id, "bootstrap", KeyScopes.Admin, TrustLevels.External, null, bootstrapKey, cancellationToken).ConfigureAwait(false);
            if (issued is not null)
            {
                await audit.RecordAsync(id, null, "api_key", issued.Value.Record.Id, "created", cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }
}
