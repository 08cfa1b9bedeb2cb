using System.Globalization;
using System.Text.Json;
using Esper.Core.Engine;
using Esper.Core.Expressions;
using Esper.Core.Resources;

namespace Esper.Benchmarks;

/// <summary>
/// Benchmark tenants built from text-form expressions, exactly as an operator would save them. Every expression is
/// in the subset both Esper and standard CEL understand, so the Cel package can evaluate the same text.
/// </summary>
public sealed class BenchmarkTenant
{
    private BenchmarkTenant(string name, TenantConfig config)
    {
        Name = name;
        Config = config;
        Expressions = CollectExpressions(config);
    }

    public string Name { get; }

    public TenantConfig Config { get; }

    /// <summary>Every action, scope and clause expression of the tenant, in text form.</summary>
    public IReadOnlyList<string> Expressions { get; }

    public override string ToString() => Name;

    /// <summary>10 policies, 20 clauses, 5 actions, the 2 bundled entities.</summary>
    public static BenchmarkTenant Realistic() => new("realistic", new TenantConfig
    {
        Version = "bench-realistic",
        Actions =
        [
            Action("login", "request.method == \"POST\" && request.path == \"/login\""),
            Action("signup", "request.method == \"POST\" && request.path == \"/signup\""),
            Action("checkout", "request.method == \"POST\" && request.path.startsWith(\"/checkout\")"),
            Action("api", "request.path.startsWith(\"/api/\")"),
            Action("search", "request.method == \"GET\" && request.path.startsWith(\"/search\")"),
        ],
        Entities = BundledEntities.All,
        Mitigations = Mitigations(),
        Policies =
        [
            Policy("p01-login", "request.path == \"/login\"",
                Clause("block-10m", null, BundledEntities.IpUserAgentId, 60, 5, "login"),
                Clause("challenge", "request.headers[\"user-agent\"].contains(\"curl\")")),
            Policy("p02-signup", "request.path.startsWith(\"/signup\")",
                Clause("challenge-5m", null, BundledEntities.IpUserAgentId, 3600, 3, "signup"),
                Clause("block", "!(request.method in [\"GET\", \"POST\"])")),
            Policy("p03-checkout", "request.path.startsWith(\"/checkout\")",
                Clause("block-10m", null, BundledEntities.IpUserAgentId, 300, 10, "checkout"),
                Clause("monitor", "request.headers[\"x-forwarded-proto\"] == \"http\"")),
            Policy("p04-api", "request.path.startsWith(\"/api/\")",
                Clause("challenge", null, BundledEntities.IpUserAgentId, 60, 100, "api"),
                Clause("monitor", "request.method == \"DELETE\"")),
            Policy("p05-scraping", null,
                Clause("challenge-5m", null, BundledEntities.IpUserAgentId, 60, 30, "search"),
                Clause("block", "user_agent.contains(\"python-requests\")")),
            Policy("p06-admin", "request.path.startsWith(\"/admin\")",
                Clause("block", "!(client_ip in [\"203.0.113.7\", \"203.0.113.8\"])"),
                Clause("monitor", "request.method != \"GET\"")),
            Policy("p07-crawlers", null,
                Clause("challenge", null, BundledEntities.BotCrawlersId, 60, 60),
                Clause("block", "request.path.startsWith(\"/private\")", BundledEntities.BotCrawlersId)),
            Policy("p08-probes", "request.path.contains(\"wp-\")",
                Clause("block-10m", null, BundledEntities.IpUserAgentId),
                Clause("block", "request.path.endsWith(\".php\")")),
            Policy("p09-login-dry", "request.path == \"/login\"", PolicyStatuses.DryRun,
                Clause("block", null, BundledEntities.IpUserAgentId, 60, 3, "login"),
                Clause("monitor")),
            Policy("p10-observe", null,
                Clause("monitor", "request.method == \"POST\""),
                Clause("monitor", "request.path.startsWith(\"/static\")")),
        ],
    });

    /// <summary>
    /// 1,000 policies of 2 clauses: every tenth applies to all traffic, the rest are scoped to their own path
    /// prefix, so a request enters about a hundred of them, as a large multi-team tenant would look.
    /// </summary>
    public static BenchmarkTenant Large()
    {
        var realistic = Realistic().Config;
        var policies = new List<PolicyDefinition>(1000);
        for (var i = 0; i < 1000; i++)
        {
            var n = i.ToString("D4", CultureInfo.InvariantCulture);
            policies.Add(i % 10 == 0
                ? Policy($"p{n}", null,
                    Clause("challenge", $"request.path == \"/p{n}\"", BundledEntities.IpUserAgentId, 60, 50),
                    Clause("monitor", $"request.headers[\"x-team\"] == \"t{n}\""))
                : Policy($"p{n}", $"request.path.startsWith(\"/team/{n}/\")",
                    Clause("block", null, BundledEntities.IpUserAgentId, 60, 20, "api"),
                    Clause("monitor", "request.method == \"DELETE\"")));
        }

        return new("1000-policies", new TenantConfig
        {
            Version = "bench-1000",
            Actions = realistic.Actions,
            Entities = realistic.Entities,
            Mitigations = realistic.Mitigations,
            Policies = policies,
        });
    }

    private static List<string> CollectExpressions(TenantConfig config)
    {
        var all = new List<string>();
        foreach (var a in config.Actions)
        {
            all.Add(a.Expression!.Value.GetString()!);
        }

        foreach (var p in config.Policies)
        {
            if (p.Scope is { } scope)
            {
                all.Add(scope.GetString()!);
            }

            foreach (var c in p.Clauses)
            {
                if (c.Match is { } match)
                {
                    all.Add(match.GetString()!);
                }
            }
        }

        return all;
    }

    private static MitigationDefinition[] Mitigations() =>
    [
        new() { Id = "block", Name = "Block", Mode = MitigationModes.Block },
        new() { Id = "block-10m", Name = "Block 10 minutes", Mode = MitigationModes.Block, DurationSeconds = 600 },
        new() { Id = "challenge", Name = "Challenge", Mode = MitigationModes.Challenge },
        new() { Id = "challenge-5m", Name = "Challenge 5 minutes", Mode = MitigationModes.Challenge, DurationSeconds = 300 },
    ];

    private static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text, CoreJsonContext.Default.String);

    private static ActionDefinition Action(string id, string expression) => new() { Id = id, Name = id, Expression = Text(expression) };

    private static PolicyDefinition Policy(string id, string? scope, params PolicyClause[] clauses) =>
        Policy(id, scope, PolicyStatuses.Active, clauses);

    private static PolicyDefinition Policy(string id, string? scope, string status, params PolicyClause[] clauses) => new()
    {
        Id = id,
        Name = id,
        Status = status,
        Scope = scope is null ? null : Text(scope),
        Clauses = clauses,
    };

    private static PolicyClause Clause(string mitigation, string? match = null, string? entity = null, int? seconds = null, long threshold = 0, params string[] actions) => new()
    {
        MitigationId = mitigation,
        Match = match is null ? null : Text(match),
        EntityId = entity,
        Window = seconds is { } s ? new PolicyWindow { Seconds = s, Threshold = threshold } : null,
        ActionIds = actions,
    };

    /// <summary>Compiles every expression of the tenant once with Esper's compiler (fails loudly if one does not compile).</summary>
    public IReadOnlyList<CompiledExpression> CompileExpressions()
    {
        var compiled = new List<CompiledExpression>(Expressions.Count);
        foreach (var text in Expressions)
        {
            var result = ExpressionCompiler.Compile(text);
            compiled.Add(result.Expression ?? throw new InvalidOperationException($"'{text}' does not compile: {result.Error}"));
        }

        return compiled;
    }
}
