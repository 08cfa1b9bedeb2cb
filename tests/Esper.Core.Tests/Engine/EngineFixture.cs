using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Core.Resources;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Core.Tests.Engine;

/// <summary>Builds tenants and requests for engine tests; state lives in an <see cref="InMemoryEntityState"/> playing the store.</summary>
internal sealed class EngineFixture
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryEntityState State { get; } = new();

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static PolicySet Compile(
        IReadOnlyList<PolicyDefinition> policies,
        IReadOnlyList<MitigationDefinition>? mitigations = null,
        IReadOnlyList<ActionDefinition>? actions = null,
        IReadOnlyList<EntityDefinition>? entities = null) =>
        PolicySet.Compile(
            new TenantConfig
            {
                Version = "v1",
                Policies = policies,
                Mitigations = mitigations ?? DefaultMitigations(),
                Actions = actions ?? [],
                Entities = entities ?? [],
            });

    public static IReadOnlyList<MitigationDefinition> DefaultMitigations() =>
    [
        Mitigation("block", MitigationModes.Block),
        Mitigation("challenge", MitigationModes.Challenge),
        Mitigation("watch", MitigationModes.Monitor),
    ];

    public static MitigationDefinition Mitigation(string id, string mode, long durationSeconds = 0, bool enabled = true) =>
        new() { Id = id, Name = id, Mode = mode, DurationSeconds = durationSeconds, Enabled = enabled };

    public static ActionDefinition Action(string id, string expression, bool enabled = true) =>
        new() { Id = id, Name = id, Enabled = enabled, Expression = TestExpressions.Text(expression) };

    public static PolicyDefinition Policy(string id, string? scope, params PolicyClause[] clauses) => new()
    {
        Id = id,
        Name = id,
        Scope = scope is null ? null : TestExpressions.Text(scope),
        Clauses = clauses,
    };

    public static PolicyClause Clause(
        string mitigationId,
        string? match = null,
        string? entityId = null,
        int? windowSeconds = null,
        long threshold = 0,
        params string[] actionIds) => new()
        {
            MitigationId = mitigationId,
            Match = match is null ? null : TestExpressions.Text(match),
            EntityId = entityId,
            Window = windowSeconds is { } s ? new PolicyWindow { Seconds = s, Threshold = threshold } : null,
            ActionIds = actionIds,
        };

    public static EncodedRequest Request(string method = "GET", string path = "/", string? ip = "203.0.113.7", string? userAgent = "Mozilla/5.0")
    {
        var fields = new Dictionary<string, string> { ["request.method"] = method, ["request.path"] = path };
        if (ip is not null)
        {
            fields["client_ip"] = ip;
        }

        if (userAgent is not null)
        {
            fields["user_agent"] = userAgent;
        }

        return EncodedRequest.FromFields(fields);
    }

    public Decision Decide(PolicySet set, EncodedRequest request, FinishOptions? options = null) => set.Decide(request, Now, State, options);

    public void Advance(int seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));
}
