using System.Text.Json;
using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Replay;

public sealed class ReplayJobTests
{
    private const int Events = 40;

    [Fact]
    public async Task Dry_run_of_a_candidate_policy_reports_exactly_the_decisions_it_changes()
    {
        using var harness = new ApiHarness(o => o.ReplayChunkSize = 8);
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, Events);
        var expected = traffic.Recompute();

        var (status, created, raw) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DryRun", ReplayTraffic.Changes));
        Assert.Equal(201, status);
        Assert.Equal("Running", created.GetProperty("status").GetString());
        var jobId = created.GetProperty("job_id").GetString()!;
        Assert.Equal($"/api/v1/replay-jobs/{jobId}", raw.Headers["Location"]);
        var job = await ReplayTraffic.RunToEndAsync(harness, jobId);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal("DryRun", job.GetProperty("job_type").GetString());
        Assert.Equal("1", job.GetProperty("encoding_version").GetString());
        Assert.Matches("^[0-9]+\\+candidate-[0-9a-f]{12}$", job.GetProperty("rule_version").GetString());
        Assert.Equal(Events, job.GetProperty("events_processed").GetInt64());
        Assert.Equal(0, job.GetProperty("events_failed").GetInt64());
        Assert.True(job.GetProperty("completed_at").ValueKind == JsonValueKind.String);
        Assert.True(job.GetProperty("progress").GetProperty("chunks").GetInt32() >= Events / 8);

        var diff = job.GetProperty("diff");
        Assert.NotEmpty(expected);
        Assert.Equal(Events, diff.GetProperty("decisions_compared").GetInt64());
        Assert.Equal(expected.Count, diff.GetProperty("decisions_changed").GetInt64());
        Assert.Equal(expected.Select(e => e.Event.DecisionId).Take(20), diff.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("decision_id").GetString()));
        var sample = diff.GetProperty("samples")[0];
        Assert.Equal("allow", sample.GetProperty("before").GetProperty("action").GetString());
        Assert.Equal("block", sample.GetProperty("after").GetProperty("action").GetString());
        Assert.Equal("burst", sample.GetProperty("after").GetProperty("policy_id").GetString());
        Assert.Equal("/login", sample.GetProperty("event").GetProperty("path").GetString());

        var block = Line(diff.GetProperty("actions"), "action", "block");
        Assert.Equal(0, block.GetProperty("before").GetInt64());
        Assert.Equal(expected.Count(e => e.After.Action == Esper.Core.Engine.DecisionAction.Block), block.GetProperty("after").GetInt64());
        Assert.Equal(block.GetProperty("after").GetInt64(), block.GetProperty("change").GetInt64());
        var watch = Line(diff.GetProperty("policies"), "policy_id", "watch");
        Assert.Equal(watch.GetProperty("before").GetInt64(), watch.GetProperty("after").GetInt64());
        Assert.Equal(Events - (Events / 4), watch.GetProperty("after").GetInt64());
    }

    [Fact]
    public async Task Replay_writes_only_its_own_items_and_never_live_state_results_or_records()
    {
        using var harness = new ApiHarness(o => o.ReplayChunkSize = 8);
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, Events);
        var resultsBefore = (await harness.SendAsync("GET", "/api/v1/results/policies/watch")).Body.GetRawText();
        var skip = harness.Store.WrittenPartitions.Count;

        var (_, created, _) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DryRun", ReplayTraffic.Changes));
        await ReplayTraffic.RunToEndAsync(harness, created.GetProperty("job_id").GetString()!);

        var written = harness.Store.WrittenPartitions.Skip(skip).ToList();
        Assert.Contains(written, p => p.StartsWith("default#replay#", StringComparison.Ordinal));
        Assert.Contains(written, p => p == "default#replay-jobs");
        Assert.All(written, p => Assert.True(
            p.StartsWith("default#replay", StringComparison.Ordinal) || p == "default#audit" || p.StartsWith("default#rate#", StringComparison.Ordinal),
            $"the replay wrote to {p}"));
        Assert.Equal(resultsBefore, (await harness.SendAsync("GET", "/api/v1/results/policies/watch")).Body.GetRawText());
    }

    [Fact]
    public async Task Job_resumes_in_a_new_process_after_a_stop_between_chunks_and_counts_each_event_once()
    {
        var database = ApiHarness.NewDatabasePath();
        var traffic = new ReplayTraffic();
        string jobId;
        using (var first = new ApiHarness(o => o.ReplayChunkSize = 7, databasePath: database))
        {
            await ReplayTraffic.ConfigureAsync(first);
            await traffic.SendAsync(first, Events);
            var (_, created, _) = await first.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DryRun", ReplayTraffic.Changes));
            jobId = created.GetProperty("job_id").GetString()!;
            var (_, second, _) = await first.SendAsync("GET", $"/api/v1/replay-jobs/{jobId}");
            Assert.Equal(2, second.GetProperty("progress").GetProperty("chunks").GetInt32());
            Assert.Equal("Running", second.GetProperty("status").GetString());
        }

        using var next = new ApiHarness(o => o.ReplayChunkSize = 7, databasePath: database);
        next.Time.SetUtcNow(traffic.End.AddMinutes(1));
        var job = await ReplayTraffic.RunToEndAsync(next, jobId);

        var expected = traffic.Recompute();
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(Events, job.GetProperty("events_processed").GetInt64());
        Assert.Equal(expected.Count, job.GetProperty("diff").GetProperty("decisions_changed").GetInt64());
        Assert.Equal(expected.Select(e => e.Event.DecisionId).Take(20), job.GetProperty("diff").GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("decision_id").GetString()));
    }

    [Fact]
    public async Task Cancelled_job_stops_where_it_was_and_cannot_be_cancelled_twice()
    {
        using var harness = new ApiHarness(o => o.ReplayChunkSize = 5);
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, 20);
        var (_, created, _) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DryRun", ReplayTraffic.Changes));
        var jobId = created.GetProperty("job_id").GetString()!;

        var (status, cancelled, _) = await harness.SendAsync("POST", $"/api/v1/replay-jobs/{jobId}/cancel", "{}");
        var (_, later, _) = await harness.SendAsync("GET", $"/api/v1/replay-jobs/{jobId}");
        var (again, _, _) = await harness.SendAsync("POST", $"/api/v1/replay-jobs/{jobId}/cancel", "{}");

        Assert.Equal(200, status);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(5, later.GetProperty("events_processed").GetInt64());
        Assert.Equal("Cancelled", later.GetProperty("status").GetString());
        Assert.Equal(409, again);
    }

    [Fact]
    public async Task Decision_only_replay_decides_each_event_without_windows()
    {
        using var harness = new ApiHarness();
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, Events);

        var (_, created, _) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DecisionOnly", ReplayTraffic.Changes));
        var job = await ReplayTraffic.RunToEndAsync(harness, created.GetProperty("job_id").GetString()!);

        // Each login alone counts 1 in its window: the burst threshold of 3 is never exceeded.
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(0, job.GetProperty("diff").GetProperty("decisions_changed").GetInt64());
        Assert.Equal(Events, job.GetProperty("events_processed").GetInt64());
        Assert.False(job.TryGetProperty("entity_keys", out _));
    }

    [Fact]
    public async Task State_rebuild_counts_the_entity_keys_it_rebuilt_and_keeps_no_diff()
    {
        using var harness = new ApiHarness(o => o.ReplayChunkSize = 6);
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, Events);

        var (_, created, _) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("StateRebuild", ReplayTraffic.Changes));
        var job = await ReplayTraffic.RunToEndAsync(harness, created.GetProperty("job_id").GetString()!);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("entity_keys").GetInt64());
        Assert.False(job.TryGetProperty("diff", out _));
    }

    [Fact]
    public async Task Candidate_with_a_bad_expression_is_refused_with_the_field_and_position()
    {
        using var harness = new ApiHarness();
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, 1);
        const string Bad = """{"changes":{"actions":[{"id":"login","name":"Login","expression":"request.method == "}]}}""";

        var (status, problem, _) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DryRun", Bad));
        var (listed, list, _) = await harness.SendAsync("GET", "/api/v1/replay-jobs");

        Assert.Equal(400, status);
        Assert.Equal("candidate.changes.actions[0].expression", problem.GetProperty("field").GetString());
        Assert.True(problem.TryGetProperty("position", out _));
        Assert.Equal(200, listed);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Candidate_that_deletes_a_mitigation_a_policy_still_uses_is_refused()
    {
        using var harness = new ApiHarness();
        await ReplayTraffic.ConfigureAsync(harness);
        var traffic = new ReplayTraffic();
        await traffic.SendAsync(harness, 1);
        var candidate = "{\"changes\":{\"policies\":[" + ReplayTraffic.BurstPolicy + "],\"delete\":{\"mitigations\":[\"block-10m\"]}}}";

        var (status, problem, _) = await harness.SendAsync("POST", "/api/v1/replay-jobs", traffic.JobRequest("DryRun", candidate));

        Assert.Equal(400, status);
        Assert.StartsWith("candidate.changes.policies[0].clauses[0].mitigation_id", problem.GetProperty("field").GetString(), StringComparison.Ordinal);
    }

    private static JsonElement Line(JsonElement lines, string property, string value) =>
        lines.EnumerateArray().First(l => l.GetProperty(property).GetString() == value);
}
