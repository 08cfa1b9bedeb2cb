using Esper.Api.Challenge;
using Esper.Api.Contracts;
using Esper.Api.Json;
using Esper.Core.Resources;
using Esper.Storage.Repositories;

namespace Esper.Api.Http;

/// <summary>
/// Every public route of the API. Hosts map exactly these; template tests compare infrastructure files against them.
/// Each route has exactly one endpoint in an <see cref="IApiEndpointModule"/> (checked when the handler is built).
/// </summary>
public static class ApiRoutes
{
    // Problem statuses, composed per route: authentication, admin scope, a JSON body, an id in the path.
    private static readonly int[] KeyAuth = [401, 429];
    private static readonly int[] AdminAuth = [401, 403, 429];
    private static readonly int[] JsonIn = [400, 413, 415];

    /// <summary>All routes, in a stable order.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/healthz", "Health") { Access = Access.Public, ResponseBody = typeof(HealthView), Summary = "Liveness: the process answers." },
        new("GET", "/readyz", "Ready") { Access = Access.Public, ResponseBody = typeof(HealthView), ProblemStatuses = [503], Summary = "Readiness: the store answers." },
        new("POST", "/api/v1/runtime/mitigation", "RuntimeMitigation")
        {
            Access = Access.Runtime, RequestBody = typeof(RuntimeBody), ResponseBody = typeof(DecisionView), ProblemStatuses = [.. JsonIn, .. KeyAuth, 409, 503],
            RequestExample = Examples.Event,
            Summary = "Decides one request: allow, challenge or block, and records the decision.",
        },
        new("POST", "/api/v1/beacon/event", "BeaconEvent")
        {
            Access = Access.Runtime, SuccessStatus = 202, RequestBody = typeof(RuntimeBody), ResponseBody = typeof(BeaconAcceptedView), ProblemStatuses = [.. JsonIn, .. KeyAuth, 503],
            RequestExample = Examples.Event,
            Summary = "Counts one event or a batch after the fact (no challenge is started).",
        },
        .. Crud<ActionDefinition>("actions", "Action", "Actions", Examples.Action),
        .. Crud<EntityDefinition>("entities", "Entity", "Entities", Examples.Entity),
        .. Crud<MitigationDefinition>("mitigations", "Mitigation", "Mitigations", Examples.Mitigation),
        .. Crud<PolicyDefinition>("policies", "Policy", "Policies", Examples.Policy),
        new("GET", "/api/v1/api-keys", "ListApiKeys") { Access = Access.Admin, ResponseBody = typeof(ItemList<ApiKeyView>), ProblemStatuses = AdminAuth, Summary = "Lists the tenant's API keys (never their secrets)." },
        new("POST", "/api/v1/api-keys", "CreateApiKey")
        {
            Access = Access.Admin, SuccessStatus = 201, RequestBody = typeof(ApiKeyCreateBody), ResponseBody = typeof(ApiKeyView), ProblemStatuses = [.. JsonIn, .. AdminAuth],
            RequestExample = """{"name":"edge worker","scope":"runtime"}""",
            Summary = "Creates an API key; its secret is in this answer only.",
        },
        new("GET", "/api/v1/api-keys/{id}", "GetApiKey") { Access = Access.Admin, ResponseBody = typeof(ApiKeyView), ProblemStatuses = [.. AdminAuth, 404], Summary = "Reads one API key." },
        new("DELETE", "/api/v1/api-keys/{id}", "RevokeApiKey") { Access = Access.Admin, SuccessStatus = 204, ProblemStatuses = [.. AdminAuth, 404, 409], Summary = "Revokes an API key (not the calling key)." },
        new("POST", "/api/v1/tenants", "CreateTenant")
        {
            Access = Access.Operator, SuccessStatus = 201, RequestBody = typeof(TenantCreateBody), ResponseBody = typeof(TenantCreatedView), ProblemStatuses = [.. JsonIn, 401, 404, 409],
            RequestExample = """{"name":"Shop","slug":"shop"}""",
            Summary = "Creates a tenant and its first admin key (operator token; 404 while none is configured).",
        },
        new("PATCH", "/api/v1/tenants/{tenant_id}", "UpdateTenant")
        {
            Access = Access.Admin, RequestBody = typeof(TenantPatchBody), ResponseBody = typeof(TenantView), ProblemStatuses = [.. JsonIn, .. AdminAuth, 404, 409],
            RequestExample = """{"name":"Shop (EU)"}""",
            Summary = "Renames the tenant (its admin key, or an operator with the Admin role in it).",
        },
        new("GET", "/api/v1/tenants/{tenant_id}/memberships", "ListMemberships")
        {
            Access = Access.Admin, ResponseBody = typeof(ItemList<MembershipRecord>), ProblemStatuses = AdminAuth,
            Summary = "Lists the tenant's operators and their roles.",
        },
        new("POST", "/api/v1/tenants/{tenant_id}/memberships", "PutMembership")
        {
            Access = Access.Admin, RequestBody = typeof(MembershipBody), ResponseBody = typeof(MembershipRecord), ProblemStatuses = [.. JsonIn, .. AdminAuth, 409],
            RequestExample = """{"user_id":"alice","role":"Analyst"}""",
            Summary = "Creates or updates a user's role: Owner, Admin, Analyst or Viewer (Owner members or admin keys; the last Owner cannot be demoted).",
        },
        new("DELETE", "/api/v1/tenants/{tenant_id}/memberships/{user_id}", "DeleteMembership")
        {
            Access = Access.Admin, SuccessStatus = 204, ProblemStatuses = [.. AdminAuth, 404, 409],
            Summary = "Removes a user from the tenant (not its last Owner).",
        },
        new("GET", "/api/v1/results/policies", "ListPolicyResults") { Access = Access.Admin, ResponseBody = typeof(ItemList<PolicyResultsView>), ProblemStatuses = AdminAuth, Summary = "Results of every policy." },
        new("GET", "/api/v1/results/policies/{id}", "GetPolicyResults") { Access = Access.Admin, ResponseBody = typeof(PolicyResultsView), ProblemStatuses = [.. AdminAuth, 404], Summary = "Results of one policy with its recent decisions." },
        new("GET", "/api/v1/decisions/{id}", "GetDecision") { Access = Access.Admin, ResponseBody = typeof(RecordedDecisionView), ProblemStatuses = [.. AdminAuth, 404], Summary = "One recorded decision by its decision_id: event, matches and reason." },
        new("GET", "/api/v1/audit", "ListAudit") { Access = Access.Admin, ResponseBody = typeof(ItemList<AuditEntry>), ProblemStatuses = AdminAuth, Summary = "The tenant's audit log, newest first." },
        new("GET", "/challenge/{id}", "ChallengePage") { Access = Access.Public, ResponseContentType = "text/html", ProblemStatuses = [404, 503], Summary = "The challenge page a visitor is sent to (HTML)." },
        new("POST", "/challenge/{id}/solve", "SolveChallenge")
        {
            Access = Access.Public, SuccessStatus = 303, RequestBody = typeof(ChallengeSolveForm), RequestContentType = "application/x-www-form-urlencoded", ResponseContentType = "text/html", ProblemStatuses = [400, 404, 410, 503],
            Summary = "The challenge page's form post; redirects to the return URL with a proof.",
        },
        new("POST", "/api/v1/challenge/proof/verify", "VerifyChallengeProof")
        {
            Access = Access.Runtime, RequestBody = typeof(ProofVerifyBody), ResponseBody = typeof(ProofVerifiedView), ProblemStatuses = [.. JsonIn, .. KeyAuth, 409],
            RequestExample = """{"proof":"v1.k1.eyJ0Ijoi...","url":"https://shop.example/cart?esper_proof=v1.k1.eyJ0Ijoi..."}""",
            Summary = "Exchanges a single-use proof for a pass.",
        },
        new("GET", "/api/v1/challenge/status", "ChallengeStatus") { Access = Access.Admin, ResponseBody = typeof(ChallengeStatusView), ProblemStatuses = AdminAuth, Summary = "The challenge setup check." },
        new("GET", "/api/v1/hybrid/config", "GetHybridConfig")
        {
            Access = Access.Runtime, ResponseBody = typeof(HybridConfigView), ProblemStatuses = KeyAuth,
            Summary = "The tenant's whole config for a hybrid daemon, with its version as ETag (If-None-Match answers 304).",
        },
        new("GET", "/api/v1/hybrid/mitigations", "ListActiveMitigations")
        {
            Access = Access.Runtime, ResponseBody = typeof(Esper.Api.Hybrid.ActiveMitigationPage), ProblemStatuses = [400, .. KeyAuth],
            Summary = "The active-mitigations feed a hybrid daemon applies locally (since, limit).",
        },
        new("GET", "/api/v1/replay-jobs", "ListReplayJobs")
        {
            Access = Access.Admin, ResponseBody = typeof(ItemList<Esper.Api.Replay.ReplayJobView>), ProblemStatuses = AdminAuth,
            Summary = "Lists the tenant's replay jobs, newest first.",
        },
        new("POST", "/api/v1/replay-jobs", "CreateReplayJob")
        {
            Access = Access.Admin, SuccessStatus = 201, RequestBody = typeof(ReplayJobCreateBody), ResponseBody = typeof(Esper.Api.Replay.ReplayJobView), ProblemStatuses = [.. JsonIn, .. AdminAuth],
            RequestExample = Examples.ReplayJob,
            Summary = "Starts a replay of recorded traffic against a proposed config; the job runs in chunks and reports a diff.",
        },
        new("GET", "/api/v1/replay-jobs/{id}", "GetReplayJob")
        {
            Access = Access.Admin, ResponseBody = typeof(Esper.Api.Replay.ReplayJobView), ProblemStatuses = [.. AdminAuth, 404],
            Summary = "One replay job: progress, counts and the diff so far.",
        },
        new("POST", "/api/v1/replay-jobs/{id}/cancel", "CancelReplayJob")
        {
            Access = Access.Admin, ResponseBody = typeof(Esper.Api.Replay.ReplayJobView), ProblemStatuses = [.. AdminAuth, 404, 409],
            Summary = "Cancels a running replay job.",
        },
        new("GET", "/api/v1/results/timeline", "GetResultsTimeline")
        {
            Access = Access.Admin, ResponseBody = typeof(TimelineView), ProblemStatuses = [400, .. AdminAuth],
            Summary = "Decisions per minute for the tenant (allow, challenge, block).",
        },
        new("GET", "/api/v1/results/policies/{id}/timeline", "GetPolicyTimeline")
        {
            Access = Access.Admin, ResponseBody = typeof(TimelineView), ProblemStatuses = [400, .. AdminAuth, 404],
            Summary = "One policy's outcomes per minute.",
        },
        new("POST", "/api/v1/expressions/validate", "ValidateExpression")
        {
            Access = Access.Admin, RequestBody = typeof(ExpressionCheckBody), ResponseBody = typeof(ExpressionCheckView), ProblemStatuses = [.. JsonIn, .. AdminAuth],
            RequestExample = """{"expression":"request.method == \"POST\" && request.path == \"/login\""}""",
            Summary = "Checks a policy expression without saving it: valid, or the error with its position.",
        },
    ];

    private static ApiRoute[] Crud<T>(string plural, string one, string many, string example) =>
    [
        new("GET", $"/api/v1/{plural}", $"List{many}") { Access = Access.Admin, ResponseBody = typeof(ItemList<T>), ProblemStatuses = AdminAuth, Summary = $"Lists the tenant's {plural}." },
        new("POST", $"/api/v1/{plural}", $"Create{one}")
        {
            Access = Access.Admin, SuccessStatus = 201, RequestBody = typeof(T), ResponseBody = typeof(T), ProblemStatuses = [.. JsonIn, .. AdminAuth, 409], RequestExample = example,
            Summary = $"Creates a {one.ToLowerInvariant()}; unknown or repeated fields are refused.",
        },
        new("GET", $"/api/v1/{plural}/{{id}}", $"Get{one}") { Access = Access.Admin, ResponseBody = typeof(T), ProblemStatuses = [.. AdminAuth, 404], Summary = $"Reads one {one.ToLowerInvariant()} with its ETag." },
        new("PUT", $"/api/v1/{plural}/{{id}}", $"Replace{one}")
        {
            Access = Access.Admin, RequestBody = typeof(T), ResponseBody = typeof(T), ProblemStatuses = [.. JsonIn, .. AdminAuth, 404, 412], RequestExample = example,
            Summary = $"Replaces a {one.ToLowerInvariant()} (If-Match optional).",
        },
        new("PATCH", $"/api/v1/{plural}/{{id}}", $"Patch{one}")
        {
            Access = Access.Admin, RequestBody = typeof(T), RequestContentType = "application/merge-patch+json", ResponseBody = typeof(T), ProblemStatuses = [.. JsonIn, .. AdminAuth, 404, 412],
            RequestExample = """{"description":"Reviewed after the March incident"}""",
            Summary = $"Merge-patches a {one.ToLowerInvariant()} (RFC 7396; If-Match optional).",
        },
        new("DELETE", $"/api/v1/{plural}/{{id}}", $"Delete{one}") { Access = Access.Admin, SuccessStatus = 204, ProblemStatuses = [.. AdminAuth, 404, 409, 412], Summary = $"Deletes a {one.ToLowerInvariant()} no policy or entity uses." },
    ];
}
