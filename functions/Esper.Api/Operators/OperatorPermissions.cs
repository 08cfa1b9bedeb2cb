using Esper.Api.Http;

namespace Esper.Api.Operators;

/// <summary>
/// The lowest membership role that may call each route with an operator token (docs/operators.md prints this table;
/// a test keeps the two equal and checks that every admin route is listed). Admin-scope API keys may call all of
/// them; runtime keys only the runtime routes; operator tokens are refused on runtime and tenant-creation routes.
/// </summary>
internal static class OperatorPermissions
{
    private static readonly Dictionary<string, string> Required = Build();

    /// <summary>The lowest role for <paramref name="routeName"/>; a route missing from the table needs Owner, so a new route is never open by accident.</summary>
    public static string RoleFor(string routeName) => Required.GetValueOrDefault(routeName, OperatorRoles.Owner);

    /// <summary>The table, for documentation and tests.</summary>
    public static IReadOnlyDictionary<string, string> All => Required;

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var many in new[] { "Actions", "Entities", "Mitigations", "Policies" })
        {
            table[$"List{many}"] = OperatorRoles.Viewer;
        }

        foreach (var one in new[] { "Action", "Entity", "Mitigation", "Policy" })
        {
            table[$"Get{one}"] = OperatorRoles.Viewer;
            table[$"Create{one}"] = OperatorRoles.Admin;
            table[$"Replace{one}"] = OperatorRoles.Admin;
            table[$"Patch{one}"] = OperatorRoles.Admin;
            table[$"Delete{one}"] = OperatorRoles.Admin;
        }

        Add(table, OperatorRoles.Viewer,
            "ListPolicyResults", "GetPolicyResults", "GetDecision", "ListAudit", "ChallengeStatus", "ListReplayJobs", "GetReplayJob",
            "GetResultsTimeline", "GetPolicyTimeline", "ListMemberships");
        Add(table, OperatorRoles.Analyst, "CreateReplayJob", "CancelReplayJob", "ValidateExpression");
        Add(table, OperatorRoles.Admin, "ListApiKeys", "CreateApiKey", "GetApiKey", "RevokeApiKey", "UpdateTenant");
        Add(table, OperatorRoles.Owner, "PutMembership", "DeleteMembership");
        return table;
    }

    private static void Add(Dictionary<string, string> table, string role, params string[] routes)
    {
        foreach (var route in routes)
        {
            table[route] = role;
        }
    }
}
