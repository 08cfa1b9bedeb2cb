using System.Collections.Concurrent;
using Esper.Api.Http;
using Esper.Storage.Repositories;

namespace Esper.Api.Auth;

/// <summary>
/// Resolves a secret to its key. Successful look-ups are cached for <see cref="EsperApiOptions.KeyCacheTtl"/>; the
/// cache is only a cache (a miss reads the store), and revoking evicts the key in the revoking process at once.
/// </summary>
internal sealed class ApiKeyAuthenticator(ApiKeyRepository keys, EsperApiOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public static string? ReadSecret(ApiRequest request)
    {
        if (request.Headers.TryGetValue("x-esper-api-key", out var key) && !string.IsNullOrWhiteSpace(key))
        {
            return key.Trim();
        }

        if (request.Headers.TryGetValue("Authorization", out var auth) && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = auth["Bearer ".Length..].Trim();
            return token.Length > 0 ? token : null;
        }

        return null;
    }

    public async ValueTask<Caller?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(secret);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        var tenantId = ApiKeySecrets.TenantOf(secret);
        var lookup = await keys.FindByHashAsync(tenantId, hash, cancellationToken).ConfigureAwait(false);
        if (lookup is null)
        {
            _cache.TryRemove(hash, out _);
            return null;
        }

        var caller = new Caller(lookup.TenantId, lookup.KeyId, lookup.Scope, lookup.TrustLevel);
        _cache[hash] = (caller, now + options.KeyCacheTtl);
        return caller;
    }

    /// <summary>Forgets a revoked key in this process at once.</summary>
    public void Evict(string keyId)
    {
        foreach (var entry in _cache)
        {
            if (entry.Value.Caller.KeyId == keyId)
            {
                _cache.TryRemove(entry.Key, out _);
            }
        }
    }
}
