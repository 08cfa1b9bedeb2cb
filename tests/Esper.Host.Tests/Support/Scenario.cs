namespace Esper.Host.Tests.Support;

/// <summary>Config bodies and events the tests share.</summary>
internal static class Scenario
{
    public const string BlockMitigation = """{"id":"block-5m","name":"Block five minutes","mode":"block","duration_seconds":300}""";

    public const string ChallengeMitigation = """{"id":"verify","name":"Verify","mode":"challenge"}""";

    /// <summary>A policy that blocks the 6th request of one IP + user agent within 60 s.</summary>
    public static string WindowPolicy(string id = "burst", string mitigation = "block-5m", string status = "active") =>
        $$$"""{"id":"{{{id}}}","name":"Burst","status":"{{{status}}}","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"{{{mitigation}}}"}]}""";

    /// <summary>A policy that applies <paramref name="mitigation"/> to every request.</summary>
    public static string AlwaysPolicy(string id, string mitigation, string status = "active") =>
        $$$"""{"id":"{{{id}}}","name":"Always {{{mitigation}}}","status":"{{{status}}}","clauses":[{"mitigation_id":"{{{mitigation}}}"}]}""";

    public static string Event(string ip = "203.0.113.10", string? idempotencyKey = null, string path = "/login") =>
        idempotencyKey is null
            ? $$$"""{"request":{"method":"POST","path":"{{{path}}}","client_ip":"{{{ip}}}","user_agent":"Mozilla/5.0"}}"""
            : $$$"""{"idempotency_key":"{{{idempotencyKey}}}","request":{"method":"POST","path":"{{{path}}}","client_ip":"{{{ip}}}","user_agent":"Mozilla/5.0"}}""";

    public static async Task CreateBlockWindowAsync(EsperClient client)
    {
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostAsync("/api/v1/mitigations", BlockMitigation)).Status);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", WindowPolicy())).Status);
    }
}
