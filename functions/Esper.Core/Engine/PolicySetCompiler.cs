using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Esper.Core.Expressions;
using Esper.Core.Fields;
using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>
/// Turns a tenant configuration into lookup tables and compiled expressions. A resource that cannot be compiled
/// (it should have been rejected on save) is left out and reported as a problem instead of failing every decision.
/// </summary>
internal sealed class PolicySetCompiler(TenantConfig config, Func<JsonElement, ExpressionCompileResult> compiler)
{
    private readonly List<ValidationError> _problems = [];
    private readonly Dictionary<string, CompiledMitigation> _mitigations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownMitigations = new(StringComparer.Ordinal);
    private readonly List<CompiledAction> _actions = [];
    private readonly Dictionary<string, int> _actionIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownActions = new(StringComparer.Ordinal);
    private readonly List<CompiledEntity> _entities = [];
    private readonly Dictionary<string, int> _entityIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownEntities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WindowSpec> _windows = new(StringComparer.Ordinal);

    public PolicySet Compile()
    {
        CompileMitigations();
        CompileActions();
        CompileEntities();
        var policies = CompilePolicies();
        return new PolicySet(config.Version, [.. _actions], [.. _entities], policies, _windows, _problems);
    }

    private void CompileMitigations()
    {
        _knownMitigations.Add(BuiltInMitigations.MonitorId);
        _mitigations[BuiltInMitigations.MonitorId] = new CompiledMitigation(BuiltInMitigations.Monitor, MitigationMode.Monitor);
        foreach (var m in config.Mitigations)
        {
            if (MissingId(m, "mitigations", m?.Id))
            {
                continue;
            }

            if (m.Id == BuiltInMitigations.MonitorId)
            {
                _problems.Add(new($"mitigations[{m.Id}].id", "is reserved for the built-in monitor; the definition is ignored"));
                continue;
            }

            _knownMitigations.Add(m.Id);
            if (!m.Enabled)
            {
                continue;
            }

            var mode = MitigationModeFacts.Parse(m.Mode);
            if (mode is null)
            {
                _problems.Add(new($"mitigations[{m.Id}].mode", $"unknown mode '{m.Mode}'; the mitigation is ignored"));
                continue;
            }

            _mitigations[m.Id] = new CompiledMitigation(m, mode.Value);
        }
    }

    private void CompileActions()
    {
        foreach (var a in config.Actions)
        {
            if (MissingId(a, "actions", a?.Id))
            {
                continue;
            }

            _knownActions.Add(a.Id);
            if (!a.Enabled || TryCompile($"actions[{a.Id}].expression", a.Expression, required: true, out var expression) is false)
            {
                continue;
            }

            _actionIndex[a.Id] = _actions.Count;
            _actions.Add(new CompiledAction(a.Id, a.Name, expression!));
        }
    }

    private void CompileEntities()
    {
        var all = new List<EntityDefinition>(config.Entities);
        foreach (var bundled in BundledEntities.All)
        {
            if (!all.Exists(e => e?.Id == bundled.Id))
            {
                all.Add(bundled);
            }
        }

        foreach (var e in all)
        {
            if (MissingId(e, "entities", e?.Id))
            {
                continue;
            }

            _knownEntities.Add(e.Id);
            if (!e.Enabled || e.KeyFields is not { Count: > 0 })
            {
                continue;
            }

            if (!TryCompile($"entities[{e.Id}].match_expression", e.MatchExpression, required: false, out var match))
            {
                continue;
            }

            var actionIndex = -1;
            if (!string.IsNullOrEmpty(e.ActionId) && !ResolveAction($"entities[{e.Id}].action_id", e.ActionId, out actionIndex))
            {
                continue;
            }

            _entityIndex[e.Id] = _entities.Count;
            if (e.KeyFields.Contains(null!))
            {
                _problems.Add(new($"entities[{e.Id}].key_fields", "holds a null field name; the entity is ignored"));
                continue;
            }

            // Key fields are hashed by their canonical names, so an alias (http_method) and its canonical name
            // (request.method) group the same traffic under the same key.
            _entities.Add(new CompiledEntity(e.Id, [.. e.KeyFields.Select(static f => FieldReference.TryParse(f, out var r) ? r.Name : f)], match, actionIndex));
        }
    }

    private CompiledPolicy[] CompilePolicies()
    {
        var live = new List<PolicyDefinition>();
        foreach (var p in config.Policies)
        {
            if (MissingId(p, "policies", p?.Id))
            {
                continue;
            }

            if (p.Status is PolicyStatuses.Active or PolicyStatuses.DryRun)
            {
                live.Add(p);
            }
            else if (p.Status != PolicyStatuses.Disabled)
            {
                _problems.Add(new($"policies[{p.Id}].status", $"unknown status '{p.Status}'; the policy is ignored"));
            }
        }

        live.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var result = new List<CompiledPolicy>(live.Count);
        foreach (var p in live)
        {
            if (!TryCompile($"policies[{p.Id}].scope", p.Scope, required: false, out var scope))
            {
                continue;
            }

            var clauses = new List<CompiledClause>();
            p.Clauses ??= [];
            for (var i = 0; i < p.Clauses.Count; i++)
            {
                if (CompileClause(p, i) is { } clause)
                {
                    clauses.Add(clause);
                }
            }

            result.Add(new CompiledPolicy(p.Id, p.Name, p.Status == PolicyStatuses.DryRun, scope, [.. clauses]));
        }

        return [.. result];
    }

    private CompiledClause? CompileClause(PolicyDefinition policy, int index)
    {
        var c = policy.Clauses[index];
        var path = $"policies[{policy.Id}].clauses[{index}]";
        if (c is null)
        {
            _problems.Add(new(path, "is null; ignored"));
            return null;
        }

        if (!_mitigations.TryGetValue(c.MitigationId ?? "", out var mitigation))
        {
            if (!_knownMitigations.Contains(c.MitigationId ?? ""))
            {
                _problems.Add(new(path + ".mitigation_id", $"no mitigation with id '{c.MitigationId}'; the clause is ignored"));
            }

            return null;
        }

        var actionIds = c.ActionIds ?? [];
        var actions = new int[actionIds.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            if (!ResolveAction($"{path}.action_ids[{i}]", actionIds[i] ?? "", out actions[i]))
            {
                return null;
            }
        }

        var entityIndex = -1;
        if (!string.IsNullOrEmpty(c.EntityId) && !_entityIndex.TryGetValue(c.EntityId, out entityIndex))
        {
            if (!_knownEntities.Contains(c.EntityId))
            {
                _problems.Add(new(path + ".entity_id", $"no entity with id '{c.EntityId}'; the clause is ignored"));
            }

            return null;
        }

        if (!TryCompile(path + ".match", c.Match, required: false, out var match))
        {
            return null;
        }

        WindowSpec? window = null;
        if (c.Window is { } w)
        {
            if (entityIndex < 0 || w.Seconds is < 1 or > ResourceLimits.MaxWindowSeconds || w.Threshold < 0)
            {
                _problems.Add(new(path + ".window", "needs an entity_id, 1–86400 seconds and a threshold >= 0; the clause is ignored"));
                return null;
            }

            window = new WindowSpec(w.Seconds, w.Threshold, CounterNames.WindowPrefix(policy.Id, index, w.Seconds));
            _windows[window.CounterPrefix] = window;
        }

        var penalty = entityIndex >= 0 && mitigation.DurationSeconds > 0 ? CounterNames.Penalty(policy.Id, index) : null;
        if (entityIndex >= 0)
        {
            var entity = _entities[entityIndex];
            var ttl = Math.Max(window?.StateTtlSeconds ?? 0, penalty is null ? 0 : mitigation.DurationSeconds);
            entity.StateTtlSeconds = Math.Max(entity.StateTtlSeconds, ttl);
        }

        return new CompiledClause
        {
            Index = index,
            Name = c.Name,
            Match = match,
            RequiredActions = actions,
            EntityIndex = entityIndex,
            Mitigation = mitigation,
            Window = window,
            PenaltyCounter = penalty,
        };
    }

    private bool MissingId([NotNullWhen(false)] object? resource, string kind, [NotNullWhen(false)] string? id)
    {
        if (resource is not null && !string.IsNullOrEmpty(id))
        {
            return false;
        }

        _problems.Add(new(kind, resource is null ? "holds a null entry; it is ignored" : "holds an entry without an id; it is ignored"));
        return true;
    }

    private bool ResolveAction(string path, string id, out int index)
    {
        if (_actionIndex.TryGetValue(id, out index))
        {
            return true;
        }

        if (!_knownActions.Contains(id))
        {
            _problems.Add(new(path, $"no action with id '{id}'; the resource is ignored"));
        }

        return false;
    }

    private bool TryCompile(string path, JsonElement? source, bool required, out CompiledExpression? expression)
    {
        expression = null;
        if (source is not { } s || s.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            if (required)
            {
                _problems.Add(new(path, "is required; the resource is ignored"));
            }

            return !required;
        }

        var result = compiler(s);
        if (result.Expression is null)
        {
            _problems.Add(new(path, $"{result.Error?.Message ?? "does not compile"}; the resource is ignored", result.Error?.Position));
            return false;
        }

        expression = result.Expression;
        return true;
    }
}
