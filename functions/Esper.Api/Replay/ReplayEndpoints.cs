using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esper.Api.Audit;
using Esper.Api.Config;
using Esper.Api.Contracts;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Core.Fields;
using Esper.Core.Resources;
using Esper.Storage.Repositories;

namespace Esper.Api.Replay;

/// <summary>
/// <c>/api/v1/replay-jobs</c>: create a job (its first chunk runs before the answer), list, read one (a running job
/// processes its next chunk first, so polling a job drives it on every host) and cancel. Admin keys only.
/// </summary>
internal sealed class ReplayEndpoints(
    ReplayJobRepository jobs,
    ReplayProcessor processor,
    ConfigRepository config,
    AuditLog audit,
    EsperApiOptions options,
    TimeProvider time) : IApiEndpointModule
{
    private const int ListLimit = 50;

    public IEnumerable<Endpoint> Endpoints =>
    [
        new("ListReplayJobs", Access.Admin, ListAsync),
        new("CreateReplayJob", Access.Admin, CreateAsync),
        new("GetReplayJob", Access.Admin, GetAsync),
        new("CancelReplayJob", Access.Admin, CancelAsync),
    ];

    private async ValueTask<ApiResponse> CreateAsync(ApiCall call, CancellationToken cancellationToken)
    {
        // Strict as config bodies: a misspelt "candidate" would otherwise replay the live config and report no change.
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var body, out var problem))
        {
            return problem!;
        }

        var tenantId = call.Key.TenantId;
        ReplayJob job;
        using (body)
        {
            var root = body!.RootElement;
            if (root.ValueKind == JsonValueKind.Object && BodyContract.Check(root, ContractJsonContext.Default.ReplayJobCreateBody, "a replay job") is { } unknown)
            {
                return Problems.Validation([unknown]);
            }

            var errors = new List<FieldError>();
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("job_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (!ReplayJobTypes.IsKnown(type))
            {
                errors.Add(new FieldError("job_type", $"must be one of {ReplayJobTypes.DryRun}, {ReplayJobTypes.DecisionOnly}, {ReplayJobTypes.StateRebuild}"));
            }

            var start = Time(root, "time_range_start", errors);
            var end = Time(root, "time_range_end", errors);
            if (start is { } s && end is { } e && e <= s)
            {
                errors.Add(new FieldError("time_range_end", "must be later than time_range_start"));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var live = await ConfigSnapshot.LoadAsync(config, tenantId, cancellationToken).ConfigureAwait(false);
            var candidate = ReplayCandidate.Build(root.TryGetProperty("candidate", out var c) ? c : default, live, errors);
            if (candidate is null)
            {
                return Problems.Validation(errors);
            }

            var now = time.GetUtcNow();
            var candidateJson = JsonSerializer.Serialize(candidate, CoreJsonContext.Default.TenantConfig);
            var baseVersion = live.Version.ToString(CultureInfo.InvariantCulture);
            job = new ReplayJob
            {
                JobId = $"rpl_{now.ToUnixTimeMilliseconds():D13}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}",
                JobType = type!,
                EncodingVersion = RequestEncoder.EncodingVersion,
                BaseConfigVersion = baseVersion,
                RuleVersion = c.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                    ? baseVersion
                    : $"{baseVersion}+candidate-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(candidateJson)))[..12]}",
                TimeRangeStart = start!.Value,
                TimeRangeEnd = end!.Value,
                CreatedAt = now,
                CreatedBy = call.Key.KeyId,
                CandidateJson = candidateJson,
                CursorMs = DecisionCursor.At(start.Value).NextMs,
                CursorExponent = DecisionCursor.At(start.Value).Exponent,
                Diff = type == ReplayJobTypes.StateRebuild ? null : new ReplayDiff(),
                ExpiresAt = now + options.ReplayRetention,
            };
        }

        await jobs.CreateAsync(tenantId, job.JobId, ReplayProcessor.Write(job), job.ExpiresAt, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(call.Key, "replay_job", job.JobId, "created", cancellationToken).ConfigureAwait(false);
        var advanced = await processor.AdvanceAsync(tenantId, job.JobId, cancellationToken).ConfigureAwait(false) ?? job;
        return JsonResponses.Create(201, ReplayJobView.From(advanced), ReplayJsonContext.Default.ReplayJobView, Location(advanced.JobId));
    }

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var items = await jobs.ListAsync(call.Key.TenantId, ListLimit, cancellationToken).ConfigureAwait(false);
        var views = items.Select(i => ReplayJobView.From(ReplayProcessor.Read(i)) with { Diff = null }).ToList();
        return JsonResponses.Create(200, new ItemList<ReplayJobView>(views), ReplayJsonContext.Default.ItemListReplayJobView);
    }

    private async ValueTask<ApiResponse> GetAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var job = await processor.AdvanceAsync(call.Key.TenantId, call.Route("id"), cancellationToken).ConfigureAwait(false);
        return job is null
            ? Problems.NotFound($"No replay job '{call.Route("id")}'.")
            : JsonResponses.Create(200, ReplayJobView.From(job), ReplayJsonContext.Default.ReplayJobView);
    }

    private async ValueTask<ApiResponse> CancelAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        var result = await processor.CancelAsync(tenantId, call.Route("id"), cancellationToken).ConfigureAwait(false);
        if (result is not { } outcome)
        {
            return Problems.NotFound($"No replay job '{call.Route("id")}'.");
        }

        if (!outcome.Cancelled)
        {
            return Problems.Conflict($"Replay job '{outcome.Job.JobId}' is {outcome.Job.Status}; only a running job can be cancelled.");
        }

        await audit.RecordAsync(call.Key, "replay_job", outcome.Job.JobId, "cancelled", cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, ReplayJobView.From(outcome.Job), ReplayJsonContext.Default.ReplayJobView);
    }

    private static DateTimeOffset? Time(JsonElement root, string name, List<FieldError> errors)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at.ToUnixTimeMilliseconds() >= 0)
        {
            return at.ToUniversalTime();
        }

        errors.Add(new FieldError(name, "is required: an ISO 8601 time such as 2026-03-26T12:00:00Z"));
        return null;
    }

    private static Dictionary<string, string> Location(string jobId) =>
        new(StringComparer.OrdinalIgnoreCase) { ["Location"] = $"/api/v1/replay-jobs/{jobId}" };
}
