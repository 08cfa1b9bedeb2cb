using System.Text.Json;
using Esper.Api.Tests.Support;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Core.Resources;

namespace Esper.Api.Tests.Replay;

/// <summary>
/// A live config (a login action, a monitor-only policy), recorded traffic from three clients, a candidate policy
/// that blocks login bursts, and the test's own re-computation of what the candidate decides on that traffic.
/// </summary>
internal sealed class ReplayTraffic
{
    public const string LoginAction = """{"id":"login","name":"Login","expression":"request.method == \"POST\" && request.path == \"/login\""}""";
    public const string BlockMitigation = """{"id":"block-10m","name":"Block ten minutes","mode":"block","duration_seconds":600}""";
    public const string WatchPolicy = """{"id":"watch","name":"Watch logins","clauses":[{"action_ids":["login"],"entity_id":"ip-user-agent","mitigation_id":"monitor"}]}""";
    public const string BurstPolicy = """{"id":"burst","name":"Login burst","clauses":[{"action_ids":["login"],"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":3},"mitigation_id":"block-10m"}]}""";

    public static readonly string Changes = "{\"changes\":{\"policies\":[" + BurstPolicy + "]}}";

    public List<Sent> Events { get; } = [];

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public static async Task ConfigureAsync(ApiHarness harness)
    {
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/actions", LoginAction)).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", BlockMitigation)).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", WatchPolicy)).Status);
    }

    /// <summary>Sends <paramref name="count"/> decisions one second apart and keeps what live answered.</summary>
    public async Task SendAsync(ApiHarness harness, int count)
    {
        Start = harness.Time.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var path = i % 4 == 3 ? "/home" : "/login";
            var body = $$$"""{"request":{"method":"POST","path":"{{{path}}}","client_ip":"203.0.113.{{{i % 3}}}","user_agent":"Mozilla/5.0"}}""";
            var (status, answer, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", body);
            Assert.Equal(200, status);
            Events.Add(new Sent(answer.GetProperty("decision_id").GetString()!, harness.Time.GetUtcNow(), body, answer.GetProperty("action").GetString()!, answer.GetProperty("policy_id").GetString()));
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        End = harness.Time.GetUtcNow();
    }

    /// <summary>The decisions whose action or deciding policy the candidate changes, by the test's own run of the engine.</summary>
    public List<(Sent Event, Decision After)> Recompute()
    {
        var set = PolicySet.Compile(new TenantConfig
        {
            Version = "test",
            Actions = [JsonSerializer.Deserialize(LoginAction, CoreJsonContext.Default.ActionDefinition)!],
            Mitigations = [JsonSerializer.Deserialize(BlockMitigation, CoreJsonContext.Default.MitigationDefinition)!],
            Policies =
            [
                JsonSerializer.Deserialize(WatchPolicy, CoreJsonContext.Default.PolicyDefinition)!,
                JsonSerializer.Deserialize(BurstPolicy, CoreJsonContext.Default.PolicyDefinition)!,
            ],
        });
        var state = new InMemoryEntityState();
        var changed = new List<(Sent, Decision)>();
        foreach (var sent in Events)
        {
            using var body = JsonDocument.Parse(sent.Body);
            var decision = set.Decide(RequestEncoder.Encode(RequestEncoder.Parse(body.RootElement).Value!), sent.At, state);
            var action = decision.Action switch { DecisionAction.Block => "block", DecisionAction.Challenge => "challenge", _ => "allow" };
            if (action != sent.Action || decision.PolicyId != sent.PolicyId)
            {
                changed.Add((sent, decision));
            }
        }

        return changed;
    }

    public string JobRequest(string type, string? candidate) =>
        $$"""{"job_type":"{{type}}","time_range_start":"{{Start:O}}","time_range_end":"{{End:O}}"{{(candidate is null ? "" : ",\"candidate\":" + candidate)}}}""";

    /// <summary>Reads a job until it leaves Running (each read processes one chunk); bounded.</summary>
    public static async Task<JsonElement> RunToEndAsync(ApiHarness harness, string jobId)
    {
        for (var i = 0; i < 200; i++)
        {
            var (status, job, _) = await harness.SendAsync("GET", $"/api/v1/replay-jobs/{jobId}");
            Assert.Equal(200, status);
            if (job.GetProperty("status").GetString() != "Running")
            {
                return job;
            }
        }

        throw new InvalidOperationException($"Replay job {jobId} did not finish in 200 reads.");
    }

    public sealed record Sent(string DecisionId, DateTimeOffset At, string Body, string Action, string? PolicyId);
}
