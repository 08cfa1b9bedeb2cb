using Esper.Api.Hybrid;
using Esper.Api.Json;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Runtime;

/// <summary>
/// One decision against the store: prepare, one parallel round of counter updates (one per entity key, plus the
/// checks the caller runs beside them and, when recording after the answer, the journal entry), finish, then the
/// records (decision records, results counters, penalties). With <see cref="RecordingMode.BeforeAnswer"/> the
/// records are awaited before the caller answers; with <see cref="RecordingMode.AfterAnswer"/> they are written
/// right after, and the journal entry written in the counter round lets recovery write them if this process dies
/// first. Either way an acknowledged decision is never lost. With <see cref="EsperApiOptions.RecordDecisions"/> off only
/// the penalties are written (before the answer): the records are some other system's business.
/// </summary>
internal sealed partial class DecisionRunner(
    EntityStateRepository entities,
    ResultsRepository results,
    DecisionRepository decisions,
    DecisionJournalRepository journal,
    PendingRecordings pending,
    IChallengeIssuer challenges,
    EsperApiOptions options,
    TimeProvider time,
    ILogger<DecisionRunner> logger,
    HybridKeys hybridKeys,
    ActiveMitigationFeed activeMitigations)
{
    /// <param name="context">The decision's tenant, config and event, and what rides along with it.</param>
    /// <param name="cancellationToken">Cancels the decision until it is answered; the records are written whatever happens to the caller.</param>
    public async ValueTask<DecisionAttempt> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        var (tenantId, set, ev, beacon) = (context.TenantId, context.PolicySet, context.Event, context.Beacon);
        var (admission, alsoWrite) = (context.Admission, context.AlsoWrite);
        hybridKeys.Warm(tenantId);
        var now = time.GetUtcNow();
        var plan = set.Prepare(RequestEncoder.Encode(ev), now);
        var decisionId = DecisionIds.New(now);
        var journalEntry = options.Recording == RecordingMode.AfterAnswer && options.RecordDecisions
            ? DecisionJournalRepository.Serialize(new JournalEntry(decisionId, now, beacon, ev))
            : null;

        // An event too large to journal is recorded before the answer: nothing answered may go unjournaled.
        var afterAnswer = journalEntry is not null;
        var states = plan.StateRequests;
        if (afterAnswer && !pending.IsIdle)
        {
            await pending.BeforeCountingAsync(tenantId, states.Select(static s => s.EntityKey)).ConfigureAwait(false);
        }

        // One parallel round: the counter updates, then the journal entry and the caller's checks, when there are any.
        var keys = new EntityItemKeys(tenantId, states);
        var reads = new Task<IReadOnlyDictionary<string, long>>[states.Count];
        var round = new Task[states.Count + (journalEntry is null ? 0 : 1) + (admission is null ? 0 : 1)];
        for (var i = 0; i < states.Count; i++)
        {
            var request = states[i];
            round[i] = reads[i] = request.IsReadOnly
                ? entities.GetAsync(keys[i], cancellationToken).AsTask()
                : entities.UpdateAsync(keys[i], new CounterUpdate { Add = request.Add, Remove = [.. request.Remove], ExpiresAt = request.ExpiresAt }, cancellationToken).AsTask();
        }

        var next = states.Count;
        if (journalEntry is not null)
        {
            round[next++] = journal.WriteAsync(tenantId, now, decisionId, journalEntry, now + options.JournalEntryLifetime, cancellationToken).AsTask();
        }

        if (admission is not null)
        {
            round[next] = admission;
        }

        await Task.WhenAll(round).ConfigureAwait(false);

        // Recovery reads the journal from a watermark that passes a time once it is older than the grace period, so an
        // entry must be stored well within it. A round that took longer (a stalled process) is recorded before its answer.
        var lateJournal = afterAnswer && time.GetUtcNow() - now > options.JournalGrace / 2;

        if (admission is not null && !admission.Result.IsGranted)
        {
            await UndoAsync(tenantId, states, keys, afterAnswer ? (now, decisionId) : null).ConfigureAwait(false);
            return new DecisionAttempt(null, admission.Result);
        }

        var decision = set.Finish(plan, ByEntityKey(states, reads), challenges.ReadPass(tenantId, ev, plan.EntityKeys.Values));

        string? redirectUrl = null;
        string? redirectUrlError = null;
        if (!beacon && decision.Action == DecisionAction.Challenge)
        {
            // A challenge session must exist before the visitor follows redirect_url: a second round trip, on
            // challenge decisions only (docs/decision-semantics.md).
            var returnUrl = ev.ReturnUrl ?? decision.Mitigation?.Challenge?.ReturnUrlTemplate;
            var challenge = new ChallengeRequest(tenantId, decisionId, decision.PolicyId, decision.Mitigation?.Id, decision.Mitigation?.Challenge?.Provider, returnUrl, decision.Entities, now)
            {
                Mitigation = decision.Mitigation,
                EntityKey = DecidingEntityKey(decision),
                Event = ev,
            };
            var issue = await challenges.IssueWithReasonAsync(challenge, cancellationToken).ConfigureAwait(false);
            (redirectUrl, redirectUrlError) = (issue.RedirectUrl, issue.RedirectUrl is null ? issue.Error ?? "no challenge page could be started" : null);
        }

        var view = View(decisionId, decision, redirectUrl, now) is var built && redirectUrlError is not null
            ? built with { RedirectUrlError = redirectUrlError, Warnings = [$"no redirect_url: {redirectUrlError}"] }
            : built;
        if (decision.Action != DecisionAction.Allow && DecidingEntityKey(decision) is { } penalised)
        {
            view = view with { HybridKey = await hybridKeys.ForAsync(tenantId, penalised, cancellationToken).ConfigureAwait(false) };
        }
        if (!afterAnswer || lateJournal)
        {
            var record = options.RecordDecisions
                ? RecordAsync(tenantId, decisionId, decision, ev, beacon, now, recovered: false, journaled: afterAnswer, keys, cancellationToken)
                : WriteStateAsync(decision, keys, cancellationToken);
            await (alsoWrite is null ? record : Task.WhenAll(record, alsoWrite(view))).ConfigureAwait(false);
            if (lateJournal)
            {
                await journal.CompleteAsync(tenantId, now, decisionId, CancellationToken.None).ConfigureAwait(false);
            }

            return new DecisionAttempt(view, Admission.Granted);
        }

        var answerWrite = alsoWrite?.Invoke(view);
        var work = RecordAfterAnswerAsync(tenantId, decisionId, decision, ev, beacon, now, keys, answerWrite);
        pending.Track(tenantId, work, decision.StateWrites.Count == 0 ? [] : [.. decision.StateWrites.Select(static w => w.EntityKey)]);
        return new DecisionAttempt(view, Admission.Granted);
    }

    /// <summary>
    /// Writes the records of a journaled decision whose process died before writing them: the decision is finished
    /// again from the journaled event at its own time, over the entity state as it is now (which already holds the
    /// event), and recorded as recovered. Then the entry is done (<see cref="DecisionJournalRepository.CompleteAsync"/>).
    /// </summary>
    public async Task RecoverAsync(string tenantId, PolicySet set, JournalEntry entry, CancellationToken cancellationToken)
    {
        var plan = set.Prepare(RequestEncoder.Encode(entry.Event), entry.DecidedAt);
        var states = plan.StateRequests;
        var keys = new EntityItemKeys(tenantId, states);
        var reads = states.Select((_, i) => entities.GetAsync(keys[i], cancellationToken).AsTask()).ToArray();
        await Task.WhenAll(reads).ConfigureAwait(false);

        var decision = set.Finish(plan, ByEntityKey(states, reads), challenges.ReadPass(tenantId, entry.Event, plan.EntityKeys.Values));
        await RecordAsync(tenantId, entry.DecisionId, decision, entry.Event, entry.Beacon, entry.DecidedAt, recovered: true, journaled: true, keys, cancellationToken).ConfigureAwait(false);
        await journal.CompleteAsync(tenantId, entry.DecidedAt, entry.DecisionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entity key of the match that decided, when it binds one.</summary>
    private static string? DecidingEntityKey(Decision decision) =>
        decision.Matches.FirstOrDefault(m => m.PolicyId == decision.PolicyId && m.ClauseIndex == decision.ClauseIndex && !m.DryRun)?.EntityKey;

    /// <summary>The counters each completed read returned, by the entity key it was for.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, long>> ByEntityKey(IReadOnlyList<StateRequest> states, Task<IReadOnlyDictionary<string, long>>[] reads)
    {
        var byKey = new Dictionary<string, IReadOnlyDictionary<string, long>>(states.Count, StringComparer.Ordinal);
        for (var i = 0; i < states.Count; i++)
        {
            byKey[states[i].EntityKey] = reads[i].Result;
        }

        return byKey;
    }

    private async Task RecordAfterAnswerAsync(string tenantId, string decisionId, Decision decision, RuntimeEvent ev, bool beacon, DateTimeOffset now, EntityItemKeys keys, Task? answerWrite)
    {
        try
        {
            // The caller has its answer: nothing it cancels may stop these writes.
            await RecordAsync(tenantId, decisionId, decision, ev, beacon, now, recovered: false, journaled: true, keys, CancellationToken.None, answerWrite).ConfigureAwait(false);
            await journal.CompleteAsync(tenantId, now, decisionId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The journal entry stays; recovery writes the records once it is older than the grace period.
            LogRecordingFailed(logger, ex, tenantId, decisionId);
        }
    }

    /// <summary>Takes back the counter updates of a decision that was not admitted, and its journal entry.</summary>
    private Task UndoAsync(string tenantId, IReadOnlyList<StateRequest> states, EntityItemKeys keys, (DateTimeOffset At, string Id)? journaled)
    {
        var undo = new List<Task>(states.Count + 1);
        for (var i = 0; i < states.Count; i++)
        {
            var request = states[i];
            if (request.Add.Count > 0)
            {
                var negated = request.Add.ToDictionary(static a => a.Key, static a => -a.Value, StringComparer.Ordinal);
                undo.Add(entities.UpdateAsync(keys[i], new CounterUpdate { Add = negated }, CancellationToken.None).AsTask());
            }
        }

        if (journaled is { } entry)
        {
            undo.Add(journal.RemoveAsync(tenantId, entry.At, entry.Id, CancellationToken.None).AsTask());
        }

        return Task.WhenAll(undo);
    }

    // With a journal entry (journaled), the tenant's record is written last, once every other record write has
    // succeeded: that record is what tells recovery the records exist (DecisionRepository.ExistsAsync), so a process
    // killed between the writes (a backend may split them over several requests) leaves the entry to recovery
    // instead of a decision with half its records. Recovery writes them all again, so a crash may count a decision
    // twice in the results, never zero times. A write the caller runs alongside (the idempotency answer) also
    // finishes before it.
    // Runs for every recorded decision: plain loops over the outcomes (no LINQ iterators, and no closure object that
    // the lambdas capturing the arguments would allocate on every call), the same writes started in the same order.
    private async Task RecordAsync(string tenantId, string decisionId, Decision decision, RuntimeEvent ev, bool beacon, DateTimeOffset now, bool recovered, bool journaled, EntityItemKeys keys, CancellationToken cancellationToken, Task? alongside = null)
    {
        var outcomes = decision.PolicyOutcomes;
        var fired = new List<PolicyOutcome>(outcomes.Count);
        var recordedOutcomes = new RecordedOutcome[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            recordedOutcomes[i] = new RecordedOutcome(outcome.PolicyId, outcome.Outcome.WireName(), outcome.DryRun);
            if (outcome.Outcome != DecisionOutcome.Allow)
            {
                fired.Add(outcome);
            }
        }

        var firedIds = new string[fired.Count];
        for (var i = 0; i < fired.Count; i++)
        {
            firedIds[i] = fired[i].PolicyId;
        }

        var actionIds = new string[decision.Actions.Count];
        for (var i = 0; i < actionIds.Length; i++)
        {
            actionIds[i] = decision.Actions[i].Id;
        }

        var record = new DecisionRecord(
            decisionId, now, decision.Action.WireName(), decision.PolicyId, decision.Mitigation?.Id, decision.Reason, beacon,
            firedIds, actionIds, ev.ClientIp, ev.Path, recovered ? true : null,
            RequestEncoder.EncodingVersion, decision.ConfigVersion, recordedOutcomes, ev);
        var batch = new List<BatchItem>();
        DecisionRepository.AddTo(batch, tenantId, record, now + options.DecisionRetention, Matches(decision));
        BatchItem? last = null;
        if (journaled)
        {
            last = batch[0];
            batch.RemoveAt(0);
        }

        var writes = new Task[3 + fired.Count + decision.StateWrites.Count + (alongside is null ? 0 : 1)];
        var next = 0;
        writes[next++] = decisions.WriteAsync(batch, cancellationToken).AsTask();
        writes[next++] = results.RecordDecisionAsync(tenantId, decision.Action.WireName(), now, cancellationToken).AsTask();
        foreach (var outcome in fired)
        {
            writes[next++] = results.RecordAsync(tenantId, outcome.PolicyId, outcome.Outcome.WireName(), outcome.DryRun, now, cancellationToken).AsTask();
        }

        foreach (var write in decision.StateWrites)
        {
            writes[next++] = entities.UpdateAsync(keys.For(write.EntityKey), new CounterUpdate { Set = write.Set, Remove = [.. write.Remove], ExpiresAt = write.ExpiresAt }, cancellationToken).AsTask();
        }

        writes[next++] = activeMitigations.RecordAsync(tenantId, decisionId, decision, now, cancellationToken);
        if (alongside is not null)
        {
            writes[next] = alongside;
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
        if (last is { } tenantRecord)
        {
            await decisions.WriteAsync([tenantRecord], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The penalties a decision sets or lifts, and nothing else (<see cref="EsperApiOptions.RecordDecisions"/> off).</summary>
    private Task WriteStateAsync(Decision decision, EntityItemKeys keys, CancellationToken cancellationToken) =>
        decision.StateWrites.Count == 0
            ? Task.CompletedTask
            : Task.WhenAll(decision.StateWrites.Select(w => entities.UpdateAsync(
                keys.For(w.EntityKey), new CounterUpdate { Set = w.Set, Remove = [.. w.Remove], ExpiresAt = w.ExpiresAt }, cancellationToken).AsTask()));

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Writing the records of decision {DecisionId} (tenant {TenantId}) failed after it was answered; journal recovery will write them")]
    private static partial void LogRecordingFailed(ILogger logger, Exception exception, string tenantId, string decisionId);

    private static DecisionView View(string decisionId, Decision decision, string? redirectUrl, DateTimeOffset now)
    {
        var mitigation = decision.Mitigation;
        return new DecisionView(
            decisionId,
            decision.Action.WireName(),
            redirectUrl,
            mitigation is null ? null : new MitigationView(mitigation.Id, mitigation.Name, mitigation.Mode),
            decision.PolicyId,
            decision.Outcome.WireName(),
            [.. decision.Matches.Select(m => new MatchView(m.PolicyId, m.ClauseIndex, m.ClauseName, m.MitigationId, m.Mode.WireName(), m.DryRun, m.WindowCount, m.PenaltyActive, m.PenaltyExpiresAt, m.Waived))],
            [.. decision.Actions.Select(a => new ActionView(a.Id, a.Name))],
            decision.Entities,
            decision.Reason,
            RequestEncoder.EncodingVersion,
            decision.ConfigVersion,
            now,
            decision.Action == DecisionAction.Block && mitigation?.Block is { } block ? new BlockView(block.StatusCode, block.Message)
                : decision.Action == DecisionAction.Block ? new BlockView(403, null) : null);
    }

    private static DecisionMatchRecord[] Matches(Decision decision) =>
        [.. decision.Matches.Select(static m => new DecisionMatchRecord(m.PolicyId, m.ClauseIndex, m.ClauseName, m.MitigationId, m.Mode.WireName(), m.DryRun, m.WindowCount, m.PenaltyActive, m.Waived))];
}
