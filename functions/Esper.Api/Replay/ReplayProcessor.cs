using System.Collections.Concurrent;
using System.Text.Json;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Core.Resources;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Replay;

/// <summary>
/// Runs replay jobs one bounded chunk at a time, with all progress in the store so any process can take the next
/// chunk: claim the chunk (an if-version write of a lease), read the next recorded events by time, decide each with
/// the real engine (<see cref="PolicySet.Prepare"/> and <see cref="PolicySet.Finish"/>) over the job's own window
/// state, save that state and the counts, then release the lease with an if-version write. A chunk whose final
/// write loses (the job was cancelled, or the lease ran out and another process took over) is thrown away.
/// Nothing here reads or writes live entity state, results counters or decision records other than reading the
/// recorded events.
/// </summary>
internal sealed partial class ReplayProcessor(
    ReplayJobRepository jobs,
    ReplayStateRepository states,
    DecisionRepository decisions,
    EsperApiOptions options,
    TimeProvider time,
    ILogger<ReplayProcessor> logger)
{
    private const int MaxCachedSets = 16;
    private readonly ConcurrentDictionary<string, PolicySet> _sets = new(StringComparer.Ordinal);

    public static ReplayJob Read(StoredItem item) => JsonSerializer.Deserialize(item.Document, ReplayJsonContext.Default.ReplayJob)!;

    public static string Write(ReplayJob job) => JsonSerializer.Serialize(job, ReplayJsonContext.Default.ReplayJob);

    /// <summary>
    /// Processes the next chunk of a running job whose lease is free and answers the job as it stands afterwards
    /// (null when there is no such job). A job another process is working on is answered as it is.
    /// </summary>
    public async ValueTask<ReplayJob?> AdvanceAsync(string tenantId, string jobId, CancellationToken cancellationToken)
    {
        var item = await jobs.GetAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var job = Read(item);
        var now = time.GetUtcNow();
        if (job.Status != ReplayStatuses.Running || job.LeaseUntil > now)
        {
            return job;
        }

        job.LeaseUntil = now + options.ReplayLease;
        var claim = await jobs.ReplaceAsync(tenantId, jobId, Write(job), item.Version, job.ExpiresAt, cancellationToken).ConfigureAwait(false);
        if (!claim.Succeeded)
        {
            return await ReloadAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false);
        }

        // Claimed: the chunk runs to its end whatever happens to the caller, so the lease is released promptly.
        await RunChunkAsync(tenantId, job, CancellationToken.None).ConfigureAwait(false);
        job.LeaseUntil = null;
        var release = await jobs.ReplaceAsync(tenantId, jobId, Write(job), claim.Version!, job.ExpiresAt, CancellationToken.None).ConfigureAwait(false);
        if (!release.Succeeded)
        {
            LogChunkDiscarded(logger, jobId, tenantId);
            return await ReloadAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false);
        }

        return job;
    }

    /// <summary>Cancels a running job; answers the job and whether this call cancelled it (null when there is no such job).</summary>
    public async ValueTask<(ReplayJob Job, bool Cancelled)?> CancelAsync(string tenantId, string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var item = await jobs.GetAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                return null;
            }

            var job = Read(item);
            if (job.Status != ReplayStatuses.Running)
            {
                return (job, false);
            }

            job.Status = ReplayStatuses.Cancelled;
            job.CompletedAt = time.GetUtcNow();
            job.LeaseUntil = null;
            if ((await jobs.ReplaceAsync(tenantId, jobId, Write(job), item.Version, job.ExpiresAt, cancellationToken).ConfigureAwait(false)).Succeeded)
            {
                return (job, true);
            }
        }
    }

    private async ValueTask<ReplayJob?> ReloadAsync(string tenantId, string jobId, CancellationToken cancellationToken) =>
        await jobs.GetAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false) is { } item ? Read(item) : null;

    private async Task RunChunkAsync(string tenantId, ReplayJob job, CancellationToken cancellationToken)
    {
        PolicySet set;
        try
        {
            set = Compile(job);
        }
        catch (JsonException ex)
        {
            job.Status = ReplayStatuses.Failed;
            job.Error = "The candidate config could not be read: " + ex.Message;
            job.CompletedAt = time.GetUtcNow();
            return;
        }

        var chunk = await decisions.ReadChunkAsync(tenantId, new DecisionCursor(job.CursorMs, job.CursorExponent), job.TimeRangeEnd, options.ReplayChunkSize, cancellationToken).ConfigureAwait(false);
        var plans = new DecisionPlan?[chunk.Records.Count];
        for (var i = 0; i < plans.Length; i++)
        {
            plans[i] = chunk.Records[i].Event is { } ev ? set.Prepare(RequestEncoder.Encode(ev), chunk.Records[i].DecidedAt) : null;
        }

        var stateful = job.JobType != ReplayJobTypes.DecisionOnly;
        var state = new InMemoryEntityState();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, ReplayStateItem> saved = new Dictionary<string, ReplayStateItem>();
        if (stateful)
        {
            foreach (var plan in plans)
            {
                foreach (var request in plan?.StateRequests ?? [])
                {
                    keys.Add(request.EntityKey);
                }
            }

            saved = await states.GetManyAsync(tenantId, job.JobId, keys, cancellationToken).ConfigureAwait(false);
            foreach (var (key, item) in saved)
            {
                state.Load(key, item.Counters, item.ExpiresAt);
            }
        }

        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i] is not { } plan)
            {
                job.EventsFailed++;
                continue;
            }

            var decision = Decide(set, plan, stateful ? state : new InMemoryEntityState());
            job.EventsProcessed++;
            if (job.Diff is not null)
            {
                ReplayComparer.Add(job.Diff, chunk.Records[i], decision, options.ReplaySamples);
            }
        }

        if (stateful)
        {
            var changed = new Dictionary<string, ReplayStateItem>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (state.TryGet(key, out var counters, out var expiresAt))
                {
                    changed[key] = new ReplayStateItem(counters, expiresAt);
                }
            }

            await states.PutManyAsync(tenantId, job.JobId, changed, job.ExpiresAt, cancellationToken).ConfigureAwait(false);
            job.EntityKeys += changed.Keys.Count(k => !saved.ContainsKey(k));
        }

        job.CursorMs = chunk.Next.NextMs;
        job.CursorExponent = chunk.Next.Exponent;
        job.Chunks++;
        if (chunk.Done)
        {
            job.Status = ReplayStatuses.Completed;
            job.CompletedAt = time.GetUtcNow();
        }
    }

    /// <summary>One decision as <see cref="PolicySet.Decide"/> makes it, on a plan prepared earlier (the chunk needs its entity keys first).</summary>
    private static Decision Decide(PolicySet set, DecisionPlan plan, InMemoryEntityState state)
    {
        var counters = new Dictionary<string, IReadOnlyDictionary<string, long>>(plan.StateRequests.Count, StringComparer.Ordinal);
        foreach (var request in plan.StateRequests)
        {
            counters[request.EntityKey] = state.Update(request, plan.Now);
        }

        var decision = set.Finish(plan, counters);
        foreach (var write in decision.StateWrites)
        {
            state.Write(write, plan.Now);
        }

        return decision;
    }

    private PolicySet Compile(ReplayJob job)
    {
        var cacheKey = job.JobId + "\n" + job.RuleVersion;
        if (_sets.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        if (_sets.Count >= MaxCachedSets)
        {
            _sets.Clear();
        }

        var config = JsonSerializer.Deserialize(job.CandidateJson, CoreJsonContext.Default.TenantConfig)!;
        return _sets[cacheKey] = PolicySet.Compile(config);
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "A chunk of replay job {JobId} (tenant {TenantId}) was discarded: the job changed while it ran (cancelled, or taken over after its lease ran out)")]
    private static partial void LogChunkDiscarded(ILogger logger, string jobId, string tenantId);
}
