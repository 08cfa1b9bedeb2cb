using System.Collections.Concurrent;
using Esper.Api.Config;
using Esper.Core.Engine;
using Esper.Storage.Repositories;

namespace Esper.Api.Runtime;

/// <summary>
/// Compiled policy sets per tenant, keyed by the tenant's config version. Only a cache: every use checks the
/// version item (or trusts it for <see cref="EsperApiOptions.ConfigCheckInterval"/>), so a write in another process
/// is seen, and dropping the cache only costs a recompile.
/// </summary>
internal sealed class PolicySetCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConfigRepository _repository;
    private readonly EsperApiOptions _options;
    private readonly TimeProvider _time;

    public PolicySetCache(ConfigRepository repository, ConfigChangeSignal signal, EsperApiOptions options, TimeProvider time)
    {
        _repository = repository;
        _options = options;
        _time = time;
        signal.Changed += tenantId => _entries.TryRemove(tenantId, out _);
    }

    public async ValueTask<PolicySet> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _entries.TryGetValue(tenantId, out var entry);
        if (entry is not null && _options.ConfigCheckInterval > TimeSpan.Zero && now - entry.CheckedAt < _options.ConfigCheckInterval)
        {
            return entry.Set;
        }

        var version = await _repository.GetVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (entry is not null && entry.Version == version)
        {
            _entries[tenantId] = entry with { CheckedAt = now };
            return entry.Set;
        }

        var snapshot = await ConfigSnapshot.LoadAsync(_repository, tenantId, cancellationToken).ConfigureAwait(false);
        var set = PolicySet.Compile(snapshot.ToTenantConfig());
        _entries[tenantId] = new Entry(snapshot.Version, set, now);
        return set;
    }

    /// <summary>
    /// The cached set without waiting for the store, when there is one. <paramref name="stillCurrent"/> is null when
    /// the set is trusted without a check (<see cref="EsperApiOptions.ConfigCheckInterval"/>); otherwise it reads the
    /// version item and answers whether the set is still current, so the caller can run that read in parallel with
    /// its own store round and start over in the rare case it is not. False when nothing is cached.
    /// </summary>
    public bool TryGetCached(string tenantId, out PolicySet set, out Task<bool>? stillCurrent)
    {
        stillCurrent = null;
        if (!_entries.TryGetValue(tenantId, out var entry))
        {
            set = null!;
            return false;
        }

        set = entry.Set;
        var now = _time.GetUtcNow();
        if (_options.ConfigCheckInterval > TimeSpan.Zero && now - entry.CheckedAt < _options.ConfigCheckInterval)
        {
            return true;
        }

        stillCurrent = ConfirmAsync(tenantId, entry, now);
        return true;
    }

    private async Task<bool> ConfirmAsync(string tenantId, Entry entry, DateTimeOffset now)
    {
        var version = await _repository.GetVersionAsync(tenantId, CancellationToken.None).ConfigureAwait(false);
        if (version != entry.Version)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(tenantId, entry));
            return false;
        }

        _entries.TryUpdate(tenantId, entry with { CheckedAt = now }, entry);
        return true;
    }

    private sealed record Entry(long Version, PolicySet Set, DateTimeOffset CheckedAt);
}
