using System.Text.Json;
using Esper.Core.Expressions;
using Esper.Core.Fields;
using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>
/// A tenant configuration compiled once (per <see cref="ConfigVersion"/>) into the form decisions run on.
/// Immutable and safe to share between threads. Pure: no I/O and no clock; the caller passes the time in.
/// </summary>
public sealed class PolicySet
{
    internal PolicySet(
        string version,
        CompiledAction[] actions,
        CompiledEntity[] entities,
        CompiledPolicy[] policies,
        Dictionary<string, WindowSpec> windows,
        List<ValidationError> problems)
    {
        ConfigVersion = version;
        Actions = actions;
        Entities = entities;
        Policies = policies;
        Scopes = new ScopeIndex(policies);
        Windows = windows;
        WindowsByPrefix = windows.GetAlternateLookup<ReadOnlySpan<char>>();
        Problems = problems;
    }

    /// <summary>The version of the configuration this set was compiled from.</summary>
    public string ConfigVersion { get; }

    /// <summary>Resources left out because they do not compile or reference something missing (normally empty: the API validates on save).</summary>
    public IReadOnlyList<ValidationError> Problems { get; }

    internal CompiledAction[] Actions { get; }

    internal CompiledEntity[] Entities { get; }

    internal CompiledPolicy[] Policies { get; }

    internal ScopeIndex Scopes { get; }

    internal Dictionary<string, WindowSpec> Windows { get; }

    internal Dictionary<string, WindowSpec>.AlternateLookup<ReadOnlySpan<char>> WindowsByPrefix { get; }

    /// <summary>How large the last plans' lists grew, so the next plan allocates each list once (see <see cref="PlanSizes"/>).</summary>
    internal PlanSizes PlanSizes { get; } = new();

    /// <summary>Compiles a configuration with the expression compiler; never throws for bad resources (see <see cref="Problems"/>).</summary>
    public static PolicySet Compile(TenantConfig config) => Compile(config, ExpressionCompiler.Compile);

    internal static PolicySet Compile(TenantConfig config, Func<JsonElement, ExpressionCompileResult> compiler) =>
        new PolicySetCompiler(config, compiler).Compile();

    /// <summary>
    /// Evaluates actions, entity keys, policy scopes and clause matches, and lists the one counter update each
    /// entity key needs (window buckets to add and drop, penalties to read).
    /// </summary>
    public DecisionPlan Prepare(EncodedRequest request, DateTimeOffset now) => DecisionPreparer.Prepare(this, request, now);

    /// <summary>
    /// Completes a plan with the counters each entity key's item held after its update (a missing key counts as an
    /// empty item): windows, penalties, dry runs, passes and precedence.
    /// </summary>
    public Decision Finish(DecisionPlan plan, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> countersByEntityKey, FinishOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ReferenceEquals(plan.PolicySet, this))
        {
            throw new ArgumentException("The plan was prepared by another policy set.", nameof(plan));
        }

        return DecisionFinisher.Finish(plan, countersByEntityKey, options ?? FinishOptions.None);
    }

    /// <summary>Prepares, applies the state requests and writes to <paramref name="state"/>, and finishes: a whole decision against in-memory state.</summary>
    public Decision Decide(EncodedRequest request, DateTimeOffset now, IEntityStateProvider state, FinishOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = Prepare(request, now);
        var counters = new Dictionary<string, IReadOnlyDictionary<string, long>>(plan.States.Count, StringComparer.Ordinal);
        foreach (var stateRequest in plan.States)
        {
            counters[stateRequest.EntityKey] = state.Update(stateRequest, now);
        }

        var decision = Finish(plan, counters, options);
        foreach (var write in decision.StateWrites)
        {
            state.Write(write, now);
        }

        return decision;
    }
}
