namespace Esper.Api.Http;

/// <summary>
/// Example request bodies for the API reference (<see cref="ApiRoute.RequestExample"/>): the README quickstart's
/// login protection. A test checks each against its route's schema, so they stay valid as the contracts change.
/// </summary>
internal static class Examples
{
    public const string Event =
        """{"idempotency_key":"req-7f3a","return_url":"https://shop.example/login","request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0","headers":{"host":"shop.example"}},"fields":{"account_id":"acct_42"}}""";

    public const string Action =
        """{"id":"login","name":"Login","expression":"request.method == \"POST\" && request.path == \"/login\""}""";

    public const string Entity =
        """{"id":"by-ip","name":"By client IP","key_fields":["client_ip"]}""";

    public const string Mitigation =
        """{"id":"block-10m","name":"Block for ten minutes","mode":"block","duration_seconds":600,"block":{"status_code":429}}""";

    public const string Policy =
        """{"id":"login-burst","name":"Login burst","clauses":[{"action_ids":["login"],"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"block-10m"}]}""";

    public const string ReplayJob =
        """{"job_type":"DryRun","time_range_start":"2026-03-26T00:00:00Z","time_range_end":"2026-03-27T00:00:00Z","candidate":{"changes":{"policies":[{"id":"login-burst","name":"Login burst","clauses":[{"action_ids":["login"],"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":3},"mitigation_id":"block-10m"}]}]}}}""";
}
