using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Hybrid;

/// <summary>
/// Opaque hybrid keys: <c>hk_</c> + base64url of the first 16 bytes of HMAC-SHA256(tenant secret, "v1\n" + tenant id +
/// "\n" + entity key). The secret is 32 random bytes per tenant, created once in the store (put-if-absent, so every
/// host over one store agrees) and cached here. Without the secret a key can be neither reversed to its entity key
/// nor forged for another one. <see cref="Warm"/> starts loading a tenant's secret beside its first decision, so a
/// penalty's key never waits for the store.
/// </summary>
internal sealed class HybridKeys(IKeyValueStore store)
{
    private const int SecretBytes = 32;
    private readonly ConcurrentDictionary<string, Task<byte[]>> _secrets = new(StringComparer.Ordinal);

    /// <summary>Starts loading the tenant's secret unless it is loaded or loading; a failed load is retried next time.</summary>
    public void Warm(string tenantId) => _ = Secret(tenantId);

    /// <summary>The hybrid key of one entity key of a tenant.</summary>
    public async ValueTask<string> ForAsync(string tenantId, string entityKey, CancellationToken cancellationToken)
    {
        var secret = await Secret(tenantId).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Compute(secret, tenantId, entityKey);
    }

    /// <summary>The key for a given secret (exposed for tests of the derivation).</summary>
    public static string Compute(byte[] secret, string tenantId, string entityKey)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"v1\n{tenantId}\n{entityKey}"), mac);
        return "hk_" + Base64Url.EncodeToString(mac[..16]);
    }

    private Task<byte[]> Secret(string tenantId)
    {
        if (_secrets.TryGetValue(tenantId, out var cached))
        {
            return cached;
        }

        var loading = _secrets.GetOrAdd(tenantId, static (id, self) => self.LoadSecretAsync(id), this);
        _ = loading.ContinueWith(
            t => _ = t.Exception is not null && _secrets.TryRemove(new KeyValuePair<string, Task<byte[]>>(tenantId, t)),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return loading;
    }

    // Not cancelled with one request: the secret serves every later decision of the tenant.
    private async Task<byte[]> LoadSecretAsync(string tenantId)
    {
        var cancellationToken = CancellationToken.None;
        var key = StorageKeys.HybridSecret(tenantId);
        var existing = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return Convert.FromBase64String(existing.Document);
        }

        var fresh = RandomNumberGenerator.GetBytes(SecretBytes);
        var written = await store.PutAsync(key, Convert.ToBase64String(fresh), WriteCondition.IfAbsent, null, cancellationToken).ConfigureAwait(false);
        if (written.Succeeded)
        {
            return fresh;
        }

        // Another host created it first: use theirs.
        var winner = await store.GetAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The hybrid secret of tenant {tenantId} could be neither created nor read.");
        return Convert.FromBase64String(winner.Document);
    }
}
