using System.Text.Json;
using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class DecisionPlanTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> NoState =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();

    private static readonly EntityDefinition ByIp = new() { Id = "ip", Name = "ip", KeyFields = ["client_ip"] };

    [Fact]
    public void Request_without_windows_or_penalties_needs_no_state()
    {
        var set = Compile([Policy("p", null, Clause("block", entityId: BundledEntities.IpUserAgentId))]);

        var plan = set.Prepare(Request(), Start);

        Assert.Empty(plan.StateRequests);
        Assert.Equal(DecisionAction.Block, set.Finish(plan, NoState).Action);
    }

    [Fact]
    public void Windowed_clauses_on_one_entity_key_share_one_state_request()
    {
        var set = Compile(
        [
            Policy("a", null, Clause("block", entityId: BundledEntities.IpUserAgentId, windowSeconds: 60, threshold: 5)),
            Policy("b", null, Clause("challenge", entityId: BundledEntities.IpUserAgentId, windowSeconds: 10, threshold: 5)),
            Policy("c", null, Clause("watch", entityId: "ip", windowSeconds: 3600, threshold: 100)),
        ],
        entities: [ByIp]);

        var plan = set.Prepare(Request(), Start);

        Assert.Equal(2, plan.StateRequests.Count);
        var shared = Assert.Single(plan.StateRequests, r => r.EntityKey == plan.EntityKeys[BundledEntities.IpUserAgentId]);
        Assert.Equal(2, shared.Add.Count);
        Assert.All(shared.Add, a => Assert.Matches("^w[0-9a-f]{12}_[0-9]+$", a.Key));
        Assert.All(shared.Add, a => Assert.Equal(1, a.Value));
        Assert.Equal(4, shared.Remove.Count);
        Assert.Empty(shared.Add.Keys.Intersect(shared.Remove));
        Assert.Equal(Start.AddSeconds(60 + (2 * 2)), shared.ExpiresAt);
        Assert.False(shared.IsReadOnly);
    }

    [Fact]
    public void Window_buckets_are_one_thirtieth_of_the_window_and_numbered_by_unix_time()
    {
        var set = Compile([Policy("a", null, Clause("block", entityId: "ip", windowSeconds: 300, threshold: 5))], entities: [ByIp]);

        var request = Assert.Single(set.Prepare(Request(), Start.AddSeconds(25)).StateRequests);

        // 300 s / 30 = 10 s buckets; now = start + 25 s lies in bucket (start + 20) / 10.
        var bucket = (Start.ToUnixTimeSeconds() + 25) / 10;
        var name = Assert.Single(request.Add).Key;
        Assert.EndsWith("_" + bucket, name, StringComparison.Ordinal);
        var prefix = name[..(name.IndexOf('_', StringComparison.Ordinal) + 1)];

        // First live bucket: floor((now - 299) / 10) = bucket - 30; bucket - 31 is grace; bucket - 32 and - 33 are dropped.
        Assert.Equal([prefix + (bucket - 32), prefix + (bucket - 33)], request.Remove);
    }

    [Fact]
    public void Penalised_clause_that_did_not_match_still_reads_its_entity_key()
    {
        var set = Compile(
            [Policy("p", null, Clause("block-1h", "request.path == \"/x\"", "ip"))],
            [Mitigation("block-1h", MitigationModes.Block, 3600)],
            entities: [ByIp]);

        var request = Assert.Single(set.Prepare(Request(path: "/y"), Start).StateRequests);

        Assert.True(request.IsReadOnly);
        Assert.Equal(Start.AddSeconds(3600), request.ExpiresAt);
    }

    [Fact]
    public void Finish_reads_the_counters_the_store_returned()
    {
        var set = Compile([Policy("a", null, Clause("block", entityId: "ip", windowSeconds: 60, threshold: 5))], entities: [ByIp]);
        var store = new Dictionary<string, Dictionary<string, long>>();

        Decision Run()
        {
            var plan = set.Prepare(Request(), Start);
            var returned = new Dictionary<string, IReadOnlyDictionary<string, long>>();
            foreach (var r in plan.StateRequests)
            {
                var item = store.TryGetValue(r.EntityKey, out var existing) ? existing : store[r.EntityKey] = [];
                foreach (var (name, amount) in r.Add)
                {
                    item[name] = item.GetValueOrDefault(name) + amount;
                }

                returned[r.EntityKey] = new Dictionary<string, long>(item);
            }

            return set.Finish(plan, returned);
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(DecisionAction.Allow, Run().Action);
        }

        Assert.Equal(DecisionAction.Block, Run().Action);
    }

    [Fact]
    public void Missing_counters_count_as_an_empty_item()
    {
        var set = Compile([Policy("a", null, Clause("block", entityId: "ip", windowSeconds: 60, threshold: 0))], entities: [ByIp]);
        var plan = set.Prepare(Request(), Start);

        var decision = set.Finish(plan, NoState);

        Assert.Equal(DecisionAction.Allow, decision.Action);
    }

    [Fact]
    public void Buckets_left_far_behind_their_window_are_returned_for_removal()
    {
        var set = Compile([Policy("a", null, Clause("block", entityId: "ip", windowSeconds: 60, threshold: 1))], entities: [ByIp]);
        var plan = set.Prepare(Request(), Start);
        var request = Assert.Single(plan.StateRequests);
        var current = Assert.Single(request.Add).Key;
        var prefix = current[..(current.IndexOf('_', StringComparison.Ordinal) + 1)];
        var bucket = Start.ToUnixTimeSeconds() / 2;
        var counters = new Dictionary<string, long>
        {
            [current] = 1,
            [prefix + (bucket - 30)] = 1, // first live bucket: floor((now - 59) / 2)
            [prefix + (bucket - 31)] = 1, // grace
            [prefix + (bucket - 500)] = 7, // left behind
            ["wffffffffffff_1"] = 1, // unknown window: left for the item expiry
            ["p000000000000"] = 5, // expired penalty: never removed here
        };

        var decision = set.Finish(plan, new Dictionary<string, IReadOnlyDictionary<string, long>> { [request.EntityKey] = counters });

        Assert.Equal(2, Assert.Single(decision.Matches).WindowCount);
        var write = Assert.Single(decision.StateWrites);
        Assert.Equal([prefix + (bucket - 500)], write.Remove);
        Assert.Empty(write.Set);
    }

    [Fact]
    public void Finish_rejects_a_plan_from_another_policy_set()
    {
        var a = Compile([Policy("a", null, Clause("block"))]);
        var b = Compile([Policy("a", null, Clause("block"))]);

        Assert.Throws<ArgumentException>(() => b.Finish(a.Prepare(Request(), Start), NoState));
    }

    [Fact]
    public void Decision_serialises_in_snake_case_with_lower_case_enums()
    {
        var set = Compile([Policy("p", null, Clause("block"))]);
        var decision = set.Finish(set.Prepare(Request(), Start), NoState);

        var json = JsonSerializer.Serialize(decision, CoreJsonContext.Default.Decision);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal("block", doc.RootElement.GetProperty("action").GetString());
        Assert.Equal("block", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("p", doc.RootElement.GetProperty("policy_id").GetString());
        Assert.Equal("block", doc.RootElement.GetProperty("matches")[0].GetProperty("mode").GetString());
        Assert.Equal("v1", doc.RootElement.GetProperty("config_version").GetString());
        Assert.Equal("block", doc.RootElement.GetProperty("policy_outcomes")[0].GetProperty("outcome").GetString());
    }
}
