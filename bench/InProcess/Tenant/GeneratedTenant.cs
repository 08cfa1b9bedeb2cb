using Esper.Core.Resources;

namespace Esper.Bench.InProcess.Tenant;

/// <summary>
/// The realistic tenant's vocabulary with <c>n</c> policies: one in ten is scoped to all traffic (so it matches and is
/// recorded), the rest to a path prefix of their own that traffic never hits; one in fifty counts a window per
/// IP + user agent. Cost grows with scopes evaluated, with matches recorded and with windows counted.
/// </summary>
internal static class GeneratedTenant
{
    public static TenantDocuments Build(int policyCount)
    {
        var realistic = RealisticTenant.Build();
        var t = new TenantDocuments();
        t.Actions.AddRange(realistic.Actions);
        t.Entities.AddRange(realistic.Entities);
        t.Mitigations.AddRange(realistic.Mitigations);
        for (var i = 0; i < policyCount; i++)
        {
            var windowed = i % 50 == 0;
            var clause = RealisticTenant.Clause(
                $"""request.method == "POST" || request.headers["accept"].contains("html")""",
                i % 3 == 0 ? ["a_login"] : [],
                windowed ? BundledEntities.IpUserAgentId : null,
                windowed ? 60 : null,
                windowed ? 1_000_000 : null,
                i % 2 == 0 ? "m_challenge" : "m_watch");
            t.Policies.Add(new PolicyDefinition
            {
                Id = $"p_gen_{i:D4}",
                Name = $"generated {i}",
                Scope = Expr.Text(i % 10 == 0 ? """request.path.startsWith("/")""" : $"""request.path.startsWith("/section-{i}/")"""),
                Clauses = [clause],
            });
        }

        return t;
    }
}
