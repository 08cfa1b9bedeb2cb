using Esper.Api.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Api;

/// <summary>Start-up work every host runs once before serving.</summary>
public static class EsperBootstrap
{
    /// <summary>
    /// Ensures the <c>default</c> tenant exists. With <paramref name="bootstrapAdminKey"/> (ESPER_BOOTSTRAP_ADMIN_KEY) that
    /// key becomes its admin key; without it, the first start returns a fresh admin key for the host to print once
    /// (null on later starts).
    /// </summary>
    public static Task<string?> EnsureDefaultTenantAsync(IServiceProvider services, string? bootstrapAdminKey, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<TenantProvisioner>().EnsureDefaultAsync(bootstrapAdminKey, cancellationToken).AsTask();

    /// <summary>
    /// Ensures the tenant named inside <paramref name="key"/> (<c>esk_&lt;tenant&gt;_…</c>) exists with that key as an admin
    /// key: how a hybrid daemon mirrors its origin tenant in its embedded store so connectors keep their key.
    /// </summary>
    public static async Task<string> EnsureTenantOfKeyAsync(IServiceProvider services, string key, CancellationToken cancellationToken = default)
    {
        var tenantId = Esper.Api.Auth.ApiKeySecrets.TenantOf(key);
        await services.GetRequiredService<TenantProvisioner>().EnsureAsync(tenantId, tenantId, key, cancellationToken).ConfigureAwait(false);
        return tenantId;
    }
}
