using System.Security.Cryptography;
using Esper.Api.Json;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Runtime;

/// <summary>
/// One decision against the store: prepare, one parallel round of counter updates (one per entity key), finish,
/// then one parallel round that records everything (decision records, results counters, penalties). Both rounds
/// are awaited before the caller answers, so an acknowledged decision is never lost.
/// </summary>
internal sealed class DecisionRunner(
    EntityStateRepository entities,
    ResultsRepository results,
    DecisionRepository decisions,
    IChallengeIssuer challenges,
    EsperApiOptions options,
    TimeProvider time)
{
    /// <param name="tenantId">The tenant.</param>
    /// <param name="set">The tenant's compiled config.</param>
    /// <param name="ev">The event.</param>
    /// <param name="beacon">True for beacon events: no challenge is issued.</param>
    /// <param name="alsoWrite">A write to run in the same parallel round as the records (the idempotency answer), or null.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    public async ValueTask<DecisionView> DecideAsync(string tenantId, PolicySet set, RuntimeEvent ev, bool beacon, Func<DecisionView, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var plan = set.Prepare(RequestEncoder.Encode(ev), now);

        var states = plan.StateRequests;
        var reads = new Task<IReadOnlyDictionary<string, long>>[states.Count];
        for (var i = 0; i < states.Count; i++)
        {
            var request = states[i];
            reads[i] = request.IsReadOnly
                ? entities.GetAsync(tenantId, request.EntityKey, cancellationToken).AsTask()
                : entities.UpdateAsync(tenantId, request.EntityKey, new CounterUpdate { Add = request.Add, Remove = [.. request.Remove], ExpiresAt = request.ExpiresAt }, cancellationToken).AsTask();
        }

        var counters = await Task.WhenAll(reads).ConfigureAwait(false);
        var byKey = new Dictionary<string, IReadOnlyDictionary<string, long>>(states.Count, StringComparer.Ordinal);
        for (var i = 0; i < states.Count; i++)
        {
            byKey[states[i].EntityKey] = counters[i];
        }

        var decision = set.Finish(plan, byKey, challenges.ReadPass(tenantId, ev, plan.EntityKeys.Values));
        var decisionId = "dec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

        string? redirectUrl = null;
        if (!beacon && decision.Action == DecisionAction.Challenge)
        {
            var returnUrl = ev.ReturnUrl ?? decision.Mitigation?.Challenge?.ReturnUrlTemplate;
            var challenge = new ChallengeRequest(tenantId, decisionId, decision.PolicyId, decision.Mitigation?.Id, decision.Mitigation?.Challenge?.Provider, returnUrl, decision.Entities, now)
            {
                Mitigation = decision.Mitigation,
                EntityKey = decision.Matches.FirstOrDefault(m => m.PolicyId == decision.PolicyId && m.ClauseIndex == decision.ClauseIndex && !m.DryRun)?.EntityKey,
                Event = ev,
            };
            redirectUrl = await challenges.IssueAsync(challenge, cancellationToken).ConfigureAwait(false);
        }

        var view = View(decisionId, decision, redirectUrl, now);
        var record = RecordAsync(tenantId, decisionId, decision, ev, beacon, now, cancellationToken);
        await (alsoWrite is null ? record : Task.WhenAll(record, alsoWrite(view))).ConfigureAwait(false);
        return view;
    }

    private async Task RecordAsync(string tenantId, string decisionId, Decision decision, RuntimeEvent ev, bool beacon, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fired = decision.PolicyOutcomes.Where(o => o.Outcome != DecisionOutcome.Allow).ToList();
        var record = new DecisionRecord(
            decisionId, now, Text(decision.Action), decision.PolicyId, decision.Mitigation?.Id, decision.Reason, beacon,
            [.. fired.Select(o => o.PolicyId)], [.. decision.Actions.Select(a => a.Id)], ev.ClientIp, ev.Path);
        var batch = new List<BatchItem>();
        DecisionRepository.AddTo(batch, tenantId, record, now + options.DecisionRetention);

        var writes = new List<Task> { decisions.WriteAsync(batch, cancellationToken).AsTask() };
        writes.AddRange(fired.Select(o => results.RecordAsync(tenantId, o.PolicyId, Text(o.Outcome), o.DryRun, now, cancellationToken).AsTask()));
        writes.AddRange(decision.StateWrites.Select(w => entities.UpdateAsync(
            tenantId, w.EntityKey, new CounterUpdate { Set = w.Set, Remove = [.. w.Remove], ExpiresAt = w.ExpiresAt }, cancellationToken).AsTask()));
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    private static DecisionView View(string decisionId, Decision decision, string? redirectUrl, DateTimeOffset now)
    {
        var mitigation = decision.Mitigation;
        return new DecisionView(
            decisionId,
            Text(decision.Action),
            redirectUrl,
            mitigation is null ? null : new MitigationView(mitigation.Id, mitigation.Name, mitigation.Mode),
            decision.PolicyId,
            Text(decision.Outcome),
            [.. decision.Matches.Select(m => new MatchView(m.PolicyId, m.ClauseIndex, m.ClauseName, m.MitigationId, Text(m.Mode), m.DryRun, m.WindowCount, m.PenaltyActive, m.PenaltyExpiresAt, m.Waived))],
            [.. decision.Actions.Select(a => new ActionView(a.Id, a.Name))],
            decision.Entities,
            decision.Reason,
            RequestEncoder.EncodingVersion,
            decision.ConfigVersion,
            now,
            decision.Action == DecisionAction.Block && mitigation?.Block is { } block ? new BlockView(block.StatusCode, block.Message)
                : decision.Action == DecisionAction.Block ? new BlockView(403, null) : null);
    }

    private static string Text(DecisionAction action) => action switch
    {
        DecisionAction.Challenge => "challenge",
        DecisionAction.Block => "block",
        _ => "allow",
    };

    private static string Text(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Observe => "observe",
        DecisionOutcome.Challenge => "challenge",
        DecisionOutcome.Block => "block",
        _ => "allow",
    };

    private static string Text(MitigationMode mode) => mode switch
    {
        MitigationMode.Challenge => "challenge",
        MitigationMode.Block => "block",
        _ => "monitor",
    };
}
