namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>The config and events the hybrid tests share.</summary>
internal static class Traffic
{
    public const string BlockMitigation = """{"id":"block-5m","name":"Block five minutes","mode":"block","duration_seconds":300}""";

    /// <summary>Blocks the 6th request of one IP + user agent within 60 s.</summary>
    public const string BurstPolicy = """{"id":"burst","name":"Burst","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"block-5m"}]}""";

    /// <summary>Observes every request, so origin's results count every event it recorded.</summary>
    public const string WatchPolicy = """{"id":"watch","name":"Watch everything","clauses":[{"mitigation_id":"monitor"}]}""";

    public static string Event(string ip) =>
        $$$"""{"request":{"method":"POST","path":"/login","client_ip":"{{{ip}}}","user_agent":"Mozilla/5.0"}}""";

    public static async Task ConfigureAsync(OriginProcess origin)
    {
        await origin.PostAsync("/api/v1/mitigations", BlockMitigation);
        await origin.PostAsync("/api/v1/policies", BurstPolicy);
        await origin.PostAsync("/api/v1/policies", WatchPolicy);
    }

    /// <summary>How many events origin recorded for the watch policy.</summary>
    public static async Task<long> OriginCountAsync(OriginProcess origin) =>
        (await origin.SendAsync(HttpMethod.Get, "/api/v1/results/policies/watch")).GetProperty("total").GetInt64();
}
