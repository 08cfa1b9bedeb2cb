using System.Text.Json.Nodes;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Cli.Hybrid;

/// <summary>
/// Writes a synced snapshot into the daemon's embedded store as origin's own documents (origin validated them), removes
/// what origin no longer has and bumps the local config version once, so the shared handlers recompile exactly once.
/// </summary>
internal sealed class ConfigApplier(ConfigRepository repository)
{
    private static readonly (string Plural, string Singular)[] Kinds =
        [("actions", "action"), ("entities", "entity"), ("mitigations", "mitigation"), ("policies", "policy")];

    /// <summary>Applies the snapshot; true when anything changed.</summary>
    public async Task<bool> ApplyAsync(string tenantId, JsonObject snapshot, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var (plural, singular) in Kinds)
        {
            var local = (await repository.ListAsync(tenantId, singular, cancellationToken).ConfigureAwait(false))
                .ToDictionary(static d => d.Id, static d => d.Json, StringComparer.Ordinal);
            var remote = snapshot[plural]?.AsArray() ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in remote)
            {
                var id = item?["id"]?.GetValue<string>();
                if (id is null)
                {
                    continue;
                }

                seen.Add(id);
                var json = item!.ToJsonString();
                if (local.TryGetValue(id, out var existing) && JsonNode.DeepEquals(JsonNode.Parse(existing), item))
                {
                    continue;
                }

                await repository.PutAsync(tenantId, singular, id, json, WriteCondition.None, cancellationToken).ConfigureAwait(false);
                changed = true;
            }

            foreach (var id in local.Keys.Where(id => !seen.Contains(id)))
            {
                await repository.DeleteAsync(tenantId, singular, id, null, cancellationToken).ConfigureAwait(false);
                changed = true;
            }
        }

        if (changed)
        {
            await repository.BumpVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
