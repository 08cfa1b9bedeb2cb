using Esper.Core.Resources;

namespace Esper.Bench.InProcess.Tenant;

/// <summary>
/// The realistic tenant of the engine issue: 5 actions, 2 custom entities (plus the 2 bundled ones), 4 mitigations,
/// 10 policies with 20 clauses mixing scopes, required actions, entity windows, penalties, dry runs and regexes.
/// The load generators' bodies (paths, agents, IPs) are built to hit these rules.
/// </summary>
internal static class RealisticTenant
{
    public static TenantDocuments Build()
    {
        var t = new TenantDocuments();
        t.Actions.Add(Action("a_login", "login", """request.method == "POST" && request.path == "/login" """));
        t.Actions.Add(Action("a_checkout", "checkout", """request.method == "POST" && request.path.startsWith("/checkout")"""));
        t.Actions.Add(Action("a_search", "search", """request.path.startsWith("/api/search")"""));
        t.Actions.Add(Action("a_admin", "admin", """request.path.startsWith("/admin")"""));
        t.Actions.Add(Action("a_comment", "comment", """request.method == "POST" && request.path == "/api/comments" """));

        t.Entities.Add(new EntityDefinition { Id = "e_session", Name = "session cookie", KeyFields = ["request.cookies.session"] });
        t.Entities.Add(new EntityDefinition { Id = "e_ip", Name = "client ip", KeyFields = ["client_ip"] });

        t.Mitigations.Add(new MitigationDefinition { Id = "m_watch", Name = "watch", Mode = MitigationModes.Monitor });
        t.Mitigations.Add(new MitigationDefinition { Id = "m_challenge", Name = "challenge 5 min", Mode = MitigationModes.Challenge, DurationSeconds = 300 });
        t.Mitigations.Add(new MitigationDefinition { Id = "m_block", Name = "block 10 min", Mode = MitigationModes.Block, DurationSeconds = 600 });
        t.Mitigations.Add(new MitigationDefinition { Id = "m_deny", Name = "deny now", Mode = MitigationModes.Block, DurationSeconds = 0 });

        const string IpUa = BundledEntities.IpUserAgentId;
        t.Policies.Add(Policy("p_login", "login brute force", null,
            Clause(null, ["a_login"], IpUa, 60, 5, "m_block"),
            Clause(null, ["a_login"], "e_ip", 60, 20, "m_challenge")));
        t.Policies.Add(Policy("p_checkout", "checkout velocity", null,
            Clause(null, ["a_checkout"], "e_session", 300, 10, "m_challenge"),
            Clause("""fields.plan == "free" """, ["a_checkout"], "e_ip", 60, 30, "m_block")));
        t.Policies.Add(Policy("p_crawlers", "AI crawlers", null,
            Clause("""user_agent.contains("GPTBot") && request.path.startsWith("/admin")""", [], null, null, null, "m_deny"),
            Clause(null, [], BundledEntities.BotCrawlersId, 60, 100, "m_challenge")));
        t.Policies.Add(Policy("p_admin", "admin area", """request.path.startsWith("/admin")""",
            Clause("""!client_ip.inCidr("10.0.0.0/8")""", ["a_admin"], IpUa, 60, 3, "m_block"),
            Clause(null, ["a_admin"], null, null, null, "m_watch")));
        t.Policies.Add(Policy("p_search", "search scraping", null,
            Clause(null, ["a_search"], IpUa, 10, 50, "m_challenge"),
            Clause("""request.query.page == "8" """, ["a_search"], null, null, null, "m_watch")));
        t.Policies.Add(Policy("p_comments", "comment spam", null,
            Clause(null, ["a_comment"], "e_session", 60, 3, "m_challenge"),
            Clause(null, ["a_comment"], "e_ip", 60, 10, "m_block")));
        var scripted = Policy("p_scripted", "scripted clients", null,
            Clause("""user_agent.startsWith("python-requests") || user_agent.startsWith("curl")""", [], null, null, null, "m_challenge"),
            Clause("""request.headers["accept"].contains("json")""", [], null, null, null, "m_watch"));
        scripted.Status = PolicyStatuses.DryRun;
        t.Policies.Add(scripted);
        t.Policies.Add(Policy("p_denylist", "deny list", null,
            Clause("""client_ip in ["198.18.0.1", "198.18.0.2", "198.18.0.3"]""", [], null, null, null, "m_deny"),
            Clause("""client_ip.inCidr("203.0.113.0/24")""", [], null, null, null, "m_block")));
        t.Policies.Add(Policy("p_probes", "vulnerability probes", null,
            Clause("""request.path.matches("^/(wp-admin|wp-login|\\.env|\\.git)")""", [], null, null, null, "m_deny"),
            Clause(null, [], IpUa, 1, 200, "m_challenge")));
        t.Policies.Add(Policy("p_observe", "observe pro plan", """fields.plan == "pro" """,
            Clause(null, [], null, null, null, BuiltInMitigations.MonitorId),
            Clause(null, ["a_checkout"], "e_session", 3600, 1000, BuiltInMitigations.MonitorId)));
        return t;
    }

    private static ActionDefinition Action(string id, string name, string expression) =>
        new() { Id = id, Name = name, Expression = Expr.Text(expression.Trim()) };

    private static PolicyDefinition Policy(string id, string name, string? scope, params PolicyClause[] clauses) => new()
    {
        Id = id,
        Name = name,
        Scope = scope is null ? null : Expr.Text(scope),
        Clauses = clauses,
    };

    internal static PolicyClause Clause(string? match, string[] actionIds, string? entityId, int? windowSeconds, long? threshold, string mitigationId) => new()
    {
        Match = match is null ? null : Expr.Text(match.Trim()),
        ActionIds = actionIds,
        EntityId = entityId,
        Window = windowSeconds is { } s ? new PolicyWindow { Seconds = s, Threshold = threshold ?? 0 } : null,
        MitigationId = mitigationId,
    };
}
