using System.Text.Json;
using Esper.Api.Config;
using Esper.Api.Http;
using Esper.Core.Engine;
using Esper.Core.Resources;

namespace Esper.Api.Replay;

/// <summary>
/// Builds the config a replay decides with from the request's <c>candidate</c>: absent, the live config; <c>config</c>,
/// a whole config document (actions, entities, mitigations, policies); <c>changes</c>, resources to add or replace by
/// id and a <c>delete</c> list, applied over the live config. Every resource is validated as the config endpoints do,
/// references included, and errors name their field.
/// </summary>
internal static class ReplayCandidate
{
    public static TenantConfig? Build(JsonElement candidate, ConfigSnapshot live, List<FieldError> errors)
    {
        var version = live.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (candidate.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return live.ToTenantConfig();
        }

        if (candidate.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("candidate", "must be an object with 'config' or 'changes'"));
            return null;
        }

        var hasConfig = candidate.TryGetProperty("config", out var config);
        var hasChanges = candidate.TryGetProperty("changes", out var changes);
        if (hasConfig == hasChanges)
        {
            errors.Add(new FieldError("candidate", "must hold exactly one of 'config' (a whole config) or 'changes' (resources to add, replace or delete)"));
            return null;
        }

        var section = hasConfig ? config : changes;
        var path = hasConfig ? "candidate.config" : "candidate.changes";
        if (section.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "must be an object"));
            return null;
        }

        var deletes = hasChanges && section.TryGetProperty("delete", out var d) ? d : default;
        var actions = Merge(ResourceKinds.Actions, hasConfig ? [] : live.Actions, section, deletes, path, errors);
        var entities = Merge(ResourceKinds.Entities, hasConfig ? [] : live.Entities, section, deletes, path, errors);
        var mitigations = Merge(ResourceKinds.Mitigations, hasConfig ? [] : live.Mitigations, section, deletes, path, errors);
        var policies = Merge(ResourceKinds.Policies, hasConfig ? [] : live.Policies, section, deletes, path, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var lookup = new ResourceLookup(actions.Select(a => a.Resource.Id), entities.Select(e => e.Resource.Id), mitigations.Select(m => m.Resource.Id));
        Validate(ResourceKinds.Actions, actions, lookup, errors);
        Validate(ResourceKinds.Entities, entities, lookup, errors);
        Validate(ResourceKinds.Mitigations, mitigations, lookup, errors);
        Validate(ResourceKinds.Policies, policies, lookup, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new TenantConfig
        {
            Version = version,
            Actions = [.. actions.Select(a => a.Resource)],
            Entities = [.. entities.Select(e => e.Resource)],
            Mitigations = [.. mitigations.Select(m => m.Resource)],
            Policies = [.. policies.Select(p => p.Resource)],
        };
    }

    private static List<(T Resource, string Path)> Merge<T>(ResourceKind<T> kind, IReadOnlyList<T> live, JsonElement section, JsonElement deletes, string path, List<FieldError> errors)
        where T : class
    {
        var merged = new Dictionary<string, (T Resource, string Path)>(StringComparer.Ordinal);
        foreach (var resource in live)
        {
            merged[kind.GetId(resource)] = (resource, $"live {kind.Singular} '{kind.GetId(resource)}'");
        }

        if (deletes.ValueKind == JsonValueKind.Object && deletes.TryGetProperty(kind.Plural, out var ids))
        {
            if (ids.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new FieldError($"{path}.delete.{kind.Plural}", "must be an array of ids"));
            }
            else
            {
                var i = 0;
                foreach (var id in ids.EnumerateArray())
                {
                    if (id.ValueKind != JsonValueKind.String || !merged.Remove(id.GetString()!))
                    {
                        errors.Add(new FieldError($"{path}.delete.{kind.Plural}[{i}]", $"names no live {kind.Singular}"));
                    }

                    i++;
                }
            }
        }

        if (section.TryGetProperty(kind.Plural, out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new FieldError($"{path}.{kind.Plural}", "must be an array"));
                return [.. merged.Values];
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var element in list.EnumerateArray())
            {
                var at = $"{path}.{kind.Plural}[{i++}]";
                T? resource;
                try
                {
                    resource = element.Deserialize(kind.TypeInfo);
                }
                catch (JsonException ex)
                {
                    errors.Add(new FieldError(at + (ex.Path is { Length: > 1 } p ? p[1..] : ""), "has the wrong shape: " + ex.Message));
                    continue;
                }

                if (resource is null || string.IsNullOrEmpty(kind.GetId(resource)))
                {
                    errors.Add(new FieldError(at + ".id", "is required in a candidate"));
                    continue;
                }

                if (!seen.Add(kind.GetId(resource)))
                {
                    errors.Add(new FieldError(at + ".id", "repeats an earlier id"));
                    continue;
                }

                merged[kind.GetId(resource)] = (resource, at);
            }
        }

        return [.. merged.Values.OrderBy(r => kind.GetId(r.Resource), StringComparer.Ordinal)];
    }

    private static void Validate<T>(ResourceKind<T> kind, List<(T Resource, string Path)> resources, IResourceLookup lookup, List<FieldError> errors)
        where T : class
    {
        foreach (var (resource, path) in resources)
        {
            foreach (var error in kind.Validate(resource, lookup))
            {
                errors.Add(new FieldError($"{path}.{error.Path}", error.Message, error.Position));
            }
        }
    }
}
