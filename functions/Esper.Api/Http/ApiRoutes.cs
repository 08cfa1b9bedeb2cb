namespace Esper.Api.Http;

/// <summary>
/// Every public route of the API. Hosts map exactly these; template tests compare infrastructure files against them.
/// Each route has exactly one endpoint in an <see cref="IApiEndpointModule"/> (checked when the handler is built).
/// </summary>
public static class ApiRoutes
{
    /// <summary>All routes, in a stable order.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/healthz", "Health"),
        new("GET", "/readyz", "Ready"),
        new("POST", "/api/v1/runtime/mitigation", "RuntimeMitigation"),
        new("POST", "/api/v1/beacon/event", "BeaconEvent"),
        .. Crud("actions", "Action", "Actions"),
        .. Crud("entities", "Entity", "Entities"),
        .. Crud("mitigations", "Mitigation", "Mitigations"),
        .. Crud("policies", "Policy", "Policies"),
        new("GET", "/api/v1/api-keys", "ListApiKeys"),
        new("POST", "/api/v1/api-keys", "CreateApiKey"),
        new("GET", "/api/v1/api-keys/{id}", "GetApiKey"),
        new("DELETE", "/api/v1/api-keys/{id}", "RevokeApiKey"),
        new("POST", "/api/v1/tenants", "CreateTenant"),
        new("GET", "/api/v1/results/policies", "ListPolicyResults"),
        new("GET", "/api/v1/results/policies/{id}", "GetPolicyResults"),
        new("GET", "/api/v1/audit", "ListAudit"),
        new("GET", "/challenge/{id}", "ChallengePage"),
        new("POST", "/challenge/{id}/solve", "SolveChallenge"),
        new("POST", "/api/v1/challenge/proof/verify", "VerifyChallengeProof"),
        new("GET", "/api/v1/challenge/status", "ChallengeStatus"),
        new("GET", "/api/v1/replay-jobs", "ListReplayJobs"),
        new("POST", "/api/v1/replay-jobs", "CreateReplayJob"),
        new("GET", "/api/v1/replay-jobs/{id}", "GetReplayJob"),
        new("POST", "/api/v1/replay-jobs/{id}/cancel", "CancelReplayJob"),
        new("GET", "/api/v1/results/timeline", "GetResultsTimeline"),
        new("GET", "/api/v1/results/policies/{id}/timeline", "GetPolicyTimeline"),
        new("POST", "/api/v1/expressions/validate", "ValidateExpression"),
    ];

    private static ApiRoute[] Crud(string plural, string one, string many) =>
    [
        new("GET", $"/api/v1/{plural}", $"List{many}"),
        new("POST", $"/api/v1/{plural}", $"Create{one}"),
        new("GET", $"/api/v1/{plural}/{{id}}", $"Get{one}"),
        new("PUT", $"/api/v1/{plural}/{{id}}", $"Replace{one}"),
        new("PATCH", $"/api/v1/{plural}/{{id}}", $"Patch{one}"),
        new("DELETE", $"/api/v1/{plural}/{{id}}", $"Delete{one}"),
    ];
}
