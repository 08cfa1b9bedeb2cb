using System.Diagnostics;
using System.Text.Json;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Bench.Shared;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Core.Resources;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Replay;

/// <summary>
/// A DryRun replay job over many recorded events on the embedded store, driven the way the console drives it (one
/// <c>GET /api/v1/replay-jobs/{id}</c> per chunk) through the shared handler: events per second, and the live managed
/// heap (after a full collection) and working set at each tenth of the run, which stay flat when a job holds only
/// one chunk at a time.
/// </summary>
internal static class ReplayThroughput
{
    public static async Task<TableResult> RunAsync(string dataDir, int events)
    {
        var table = new TableResult($"Replay: a DryRun job over {events:N0} recorded events (embedded store)", "bench/run.sh (replay section)",
            "progress", "events processed", "chunks", "replay s", "events/s so far", "process CPU s", "CPU ms per 1,000 events", "live heap MiB (after full GC)", "working set MiB");
        table.Description = "Recorded decisions of the realistic tenant (varied bodies over 2,000 client IPs, 100 ms apart, the before side decided by the same engine), " +
            "written with the runtime's decision repository; then `POST /api/v1/replay-jobs` (DryRun, windows rebuilt from the events) with a candidate that turns " +
            "the dry-run policy `p_scripted` (challenge scripted clients) active, and `GET` of the job until it completes, each GET running one chunk (about 500 events). " +
            "Replay time leaves out the forced collections of the memory samples; process CPU time (all threads, the store's included) is the steadier figure on a shared machine. SQLite with synchronous=normal.";
        var store = StoreFactory.Sqlite(dataDir, SqliteSynchronousMode.Normal, out _);
        var tenant = RealisticTenant.Build();
        var candidate = Candidate(tenant);
        await using var host = await BenchHost.CreateAsync(store, tenant);

        var fill = Stopwatch.StartNew();
        var (start, end) = await FillAsync(store, tenant, events);
        table.Note($"Filled {events:N0} recorded events in {fill.Elapsed.TotalSeconds:F1} s (not part of the replay time).");

        var request = $$"""{"job_type":"DryRun","time_range_start":"{{start:O}}","time_range_end":"{{end:O}}","candidate":{{candidate}}}""";
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var replay = Stopwatch.StartNew();
        var (status, body) = await host.PostAsync("/api/v1/replay-jobs", request);
        if (status != 201)
        {
            throw new InvalidOperationException($"POST /api/v1/replay-jobs answered {status}: {body}");
        }

        var jobId = Read(body).Id;
        var heaps = new List<double>();
        var nextTenth = 1;
        var job = Read(body);
        while (job.Status == "Running")
        {
            (status, body) = await host.SendAsync("GET", $"/api/v1/replay-jobs/{jobId}");
            if (status != 200)
            {
                throw new InvalidOperationException($"GET /api/v1/replay-jobs/{jobId} answered {status}: {body}");
            }

            job = Read(body);
            if (job.Processed + job.Failed >= events * nextTenth / 10 || job.Status != "Running")
            {
                replay.Stop();
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
                var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
                heaps.Add(heap);
                var seconds = replay.Elapsed.TotalSeconds;
                table.Row($"{Math.Min(100, nextTenth * 10)} %", job.Processed, job.Chunks, seconds, job.Processed / seconds, cpu, cpu * 1_000_000 / Math.Max(1, job.Processed), heap,
                    Environment.WorkingSet / 1048576.0);
                nextTenth = (int)((job.Processed + job.Failed) * 10L / events) + 1;
                replay.Start();
            }
        }

        replay.Stop();
        if (job.Status != "Completed" || job.Processed != events)
        {
            table.Note($"The job ended {job.Status} with {job.Processed:N0} events processed and {job.Failed:N0} failed.");
        }

        table.Note($"Diff: {job.Changed:N0} of {job.Compared:N0} decisions change with p_scripted active.");
        process.Refresh();
        var rate = job.Processed / replay.Elapsed.TotalSeconds;
        var cpuPerEvent = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / Math.Max(1, job.Processed);
        table.Check("Replay throughput", $"{rate:N0} events/s ({job.Processed:N0} events in {replay.Elapsed.TotalSeconds:F1} s); {cpuPerEvent * 1000:F0} µs process CPU per event", "reported (no target)", null);
        var growth = heaps.Count > 1 ? heaps[^1] / heaps[0] : double.NaN;
        table.Check("Memory while a replay runs", $"live heap {heaps.FirstOrDefault():F1} MiB at 10 % → {heaps.LastOrDefault():F1} MiB at the end (×{growth:F2})",
            "flat (≤ ×1.5 from 10 % to the end)", double.IsFinite(growth) ? growth <= 1.5 : null);
        return table;
    }

    /// <summary>The candidate: the tenant's dry-run policy <c>p_scripted</c>, turned active.</summary>
    private static string Candidate(TenantDocuments tenant)
    {
        var policy = JsonSerializer.Deserialize(JsonSerializer.Serialize(tenant.Policies.Single(p => p.Id == "p_scripted"), CoreJsonContext.Default.PolicyDefinition), CoreJsonContext.Default.PolicyDefinition)!;
        policy.Status = PolicyStatuses.Active;
        return "{\"changes\":{\"policies\":[" + JsonSerializer.Serialize(policy, CoreJsonContext.Default.PolicyDefinition) + "]}}";
    }

    /// <summary>Writes <paramref name="count"/> decision records as the runtime writes them, their event included.</summary>
    private static async Task<(DateTimeOffset Start, DateTimeOffset End)> FillAsync(IKeyValueStore store, TenantDocuments tenant, int count)
    {
        var set = PolicySet.Compile(new TenantConfig
        {
            Version = "recorded",
            Actions = tenant.Actions,
            Entities = tenant.Entities,
            Mitigations = tenant.Mitigations,
            Policies = tenant.Policies,
        });
        var state = new InMemoryEntityState();
        var bodies = new BodyFactory(2_000, idempotencyKeys: false);
        var random = new Random(15);
        var repository = new DecisionRepository(store);
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero) - TimeSpan.FromMilliseconds(100L * count) - TimeSpan.FromMinutes(1);
        var batch = new List<BatchItem>(1_000);
        var at = start;
        for (var i = 0; i < count; i++)
        {
            at = start + TimeSpan.FromMilliseconds(100L * i);
            using var document = JsonDocument.Parse(bodies.Next(random));
            var ev = RequestEncoder.Parse(document.RootElement).Value!;
            var decision = set.Decide(RequestEncoder.Encode(ev), at, state);
            var fired = decision.PolicyOutcomes.Where(o => o.Outcome != DecisionOutcome.Allow).ToList();
            var record = new DecisionRecord(
                $"dec_replay_{i:D8}", at, decision.Action.WireName(), decision.PolicyId, decision.Mitigation?.Id, decision.Reason, false,
                [.. fired.Select(o => o.PolicyId)], [.. decision.Actions.Select(a => a.Id)], ev.ClientIp, ev.Path, null,
                RequestEncoder.EncodingVersion, decision.ConfigVersion, [.. decision.PolicyOutcomes.Select(o => new RecordedOutcome(o.PolicyId, o.Outcome.WireName(), o.DryRun))], ev);
            DecisionRepository.AddTo(batch, "default", record, now.AddDays(1));
            if (batch.Count >= 1_000)
            {
                await repository.WriteAsync(batch);
                batch.Clear();
            }
        }

        await repository.WriteAsync(batch);
        return (start, at + TimeSpan.FromMilliseconds(1));
    }

    private static (string Id, string Status, long Processed, long Failed, long Chunks, long Compared, long Changed) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var diff = root.TryGetProperty("diff", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return (root.GetProperty("job_id").GetString()!, root.GetProperty("status").GetString()!, root.GetProperty("events_processed").GetInt64(),
            root.GetProperty("events_failed").GetInt64(), root.GetProperty("progress").GetProperty("chunks").GetInt64(),
            diff.ValueKind == JsonValueKind.Object ? diff.GetProperty("decisions_compared").GetInt64() : 0,
            diff.ValueKind == JsonValueKind.Object ? diff.GetProperty("decisions_changed").GetInt64() : 0);
    }
}
