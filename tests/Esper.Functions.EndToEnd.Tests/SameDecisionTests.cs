using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Esper.Functions.EndToEnd.Tests;

/// <summary>
/// The local host, the Lambda path and the Azure path decide alike for the same tenant state: the quickstart's
/// login-burst policy counts requests from all three in one window and blocks on the sixth, whichever host gets it.
/// </summary>
public sealed class SameDecisionTests : IAsyncLifetime
{
    private const string Login = "{\"request\":{\"method\":\"POST\",\"path\":\"/login\",\"client_ip\":\"203.0.113.10\",\"user_agent\":\"Mozilla/5.0\"}}";
    private ThreeHosts _hosts = null!;

    public async Task InitializeAsync() => _hosts = await ThreeHosts.StartOnSqliteAsync();

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    [Fact]
    public async Task Window_counts_requests_from_every_host_and_each_host_then_answers_the_same_block()
    {
        await ConfigureThroughTheLocalHostAsync(_hosts);
        Func<string, string, string?, Task<(int, string)>>[] rotation = [_hosts.HostAsync, _hosts.LambdaAsync, _hosts.AzureAsync];

        var decisions = new List<JsonNode>();
        for (var i = 0; i < 6; i++)
        {
            decisions.Add(await DecideAsync(rotation[i % 3]));
        }

        Assert.All(decisions.Take(5), d => Assert.Equal("allow", (string)d["action"]!));
        Assert.Equal("block", (string)decisions[5]["action"]!);
        Assert.Equal("login-burst", (string)decisions[5]["policy_id"]!);

        // Same state (the block is active), one request through each host: the same decision, bar id and time.
        var host = Comparable(await DecideAsync(_hosts.HostAsync));
        var lambda = Comparable(await DecideAsync(_hosts.LambdaAsync));
        var azure = Comparable(await DecideAsync(_hosts.AzureAsync));

        Assert.Equal("block", (string)host["action"]!);
        Assert.Equal("block-10m", (string)host["mitigation"]!["id"]!);
        Assert.StartsWith("block by policy 'Login burst' clause 0 (active until <time>)", (string)host["reason"]!);
        Assert.NotEmpty(host["entities"]!.AsObject());
        Assert.NotEmpty(host["matches"]!.AsArray());
        Assert.Equal(host.ToJsonString(), lambda.ToJsonString());
        Assert.Equal(host.ToJsonString(), azure.ToJsonString());
    }

    internal static async Task ConfigureThroughTheLocalHostAsync(ThreeHosts hosts)
    {
        (string Path, string Body)[] resources =
        [
            ("/api/v1/actions", "{\"id\":\"login\",\"name\":\"Login\",\"expression\":\"request.method == \\\"POST\\\" && request.path == \\\"/login\\\"\"}"),
            ("/api/v1/mitigations", "{\"id\":\"block-10m\",\"name\":\"Block for ten minutes\",\"mode\":\"block\",\"duration_seconds\":600}"),
            ("/api/v1/policies", "{\"id\":\"login-burst\",\"name\":\"Login burst\",\"clauses\":[{\"action_ids\":[\"login\"],\"entity_id\":\"ip-user-agent\",\"window\":{\"seconds\":60,\"threshold\":5},\"mitigation_id\":\"block-10m\"}]}"),
        ];
        foreach (var (path, body) in resources)
        {
            var (status, answer) = await hosts.HostAsync("POST", path, body);
            Assert.True(status == 201, $"{path}: {status} {answer}");
        }
    }

    internal static async Task<JsonNode> DecideAsync(Func<string, string, string?, Task<(int, string)>> host)
    {
        var (status, body) = await host("POST", "/api/v1/runtime/mitigation", Login);
        Assert.True(status == 200, $"{status} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>
    /// The decision without what differs between any two decisions, at any depth: its id, its time, the running
    /// window count and the penalty expiries each blocked request computes from its own time. The reason text
    /// quotes the same two (a count and an "active until" time), so they are masked there too.
    /// </summary>
    internal static JsonObject Comparable(JsonNode decision)
    {
        var copy = decision.DeepClone().AsObject();
        Strip(copy);
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in (string[])["decision_id", "decided_at", "window_count", "expires_at", "penalty_expires_at", "hybrid_key"])
                {
                    obj.Remove(name);
                }

                if (obj["reason"] is JsonValue reason && reason.TryGetValue<string>(out var text))
                {
                    obj["reason"] = MaskVolatile(text);
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }

    /// <summary>Masks the timestamps and running counts a reason quotes, keeping the rest of its wording.</summary>
    internal static string MaskVolatile(string reason) =>
        Regex.Replace(
            Regex.Replace(reason, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z", "<time>"),
            @"\(\d+ matching events", "(<n> matching events");
}
