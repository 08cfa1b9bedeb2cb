using System.Text.Json;
using Esper.Core.Expressions;

namespace Esper.Core.Resources;

/// <summary>
/// Checks resources before they are saved: every error is returned with the JSON path of its field and, for
/// expressions, the compiler's message and position. References are checked only when a lookup is given.
/// </summary>
public static class ResourceValidator
{
    private static readonly Func<JsonElement, ExpressionCompileResult> RealCompiler = ExpressionCompiler.Compile;

    /// <summary>Validates an action; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(ActionDefinition action) => Validate(action, RealCompiler);

    /// <summary>Validates an entity; checks <c>action_id</c> against <paramref name="lookup"/> when given. Empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(EntityDefinition entity, IResourceLookup? lookup = null) => Validate(entity, lookup, RealCompiler);

    /// <summary>Validates a mitigation; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(MitigationDefinition mitigation) => MitigationRules.Validate(mitigation);

    /// <summary>Validates a policy; checks action, entity and mitigation ids against <paramref name="lookup"/> when given. Empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(PolicyDefinition policy, IResourceLookup? lookup = null) => Validate(policy, lookup, RealCompiler);

    internal static IReadOnlyList<ValidationError> Validate(ActionDefinition action, Func<JsonElement, ExpressionCompileResult> compiler)
    {
        var v = new ValidationCollector(compiler);
        v.Id("id", action.Id, required: false);
        v.Text("name", action.Name, ResourceLimits.MaxNameLength, required: true);
        v.Text("description", action.Description, ResourceLimits.MaxDescriptionLength, required: false);
        v.Expression("expression", action.Expression, required: true);
        return v.Errors;
    }

    internal static IReadOnlyList<ValidationError> Validate(EntityDefinition entity, IResourceLookup? lookup, Func<JsonElement, ExpressionCompileResult> compiler)
    {
        var v = new ValidationCollector(compiler);
        v.Id("id", entity.Id, required: false);
        v.Text("name", entity.Name, ResourceLimits.MaxNameLength, required: true);
        v.Text("description", entity.Description, ResourceLimits.MaxDescriptionLength, required: false);
        var fields = entity.KeyFields ?? [];
        if (fields.Count is 0 or > ResourceLimits.MaxKeyFields)
        {
            v.Add("key_fields", $"must list between 1 and {ResourceLimits.MaxKeyFields} field names");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            v.Text($"key_fields[{i}]", fields[i], ResourceLimits.MaxFieldNameLength, required: true);
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(fields[i], fields[j], StringComparison.Ordinal))
                {
                    v.Add($"key_fields[{i}]", $"repeats key_fields[{j}]");
                    break;
                }
            }
        }

        v.Expression("match_expression", entity.MatchExpression, required: false);
        v.Id("action_id", entity.ActionId, required: false);
        if (lookup is not null && !string.IsNullOrEmpty(entity.ActionId) && !lookup.HasAction(entity.ActionId))
        {
            v.Add("action_id", $"no action with id '{entity.ActionId}'");
        }

        return v.Errors;
    }

    internal static IReadOnlyList<ValidationError> Validate(PolicyDefinition policy, IResourceLookup? lookup, Func<JsonElement, ExpressionCompileResult> compiler)
    {
        var v = new ValidationCollector(compiler);
        v.Id("id", policy.Id, required: false);
        v.Text("name", policy.Name, ResourceLimits.MaxNameLength, required: true);
        v.Text("description", policy.Description, ResourceLimits.MaxDescriptionLength, required: false);
        v.OneOf("status", policy.Status, PolicyStatuses.Active, PolicyStatuses.DryRun, PolicyStatuses.Disabled);
        v.Expression("scope", policy.Scope, required: false);
        var clauses = policy.Clauses ?? [];
        if (clauses.Count is 0 or > ResourceLimits.MaxClausesPerPolicy)
        {
            v.Add("clauses", $"must hold between 1 and {ResourceLimits.MaxClausesPerPolicy} clauses");
        }

        for (var i = 0; i < clauses.Count; i++)
        {
            ClauseRules.Validate(v, $"clauses[{i}]", clauses[i], lookup);
        }

        return v.Errors;
    }
}
