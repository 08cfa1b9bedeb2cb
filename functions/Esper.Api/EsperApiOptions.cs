using Esper.Api.Http;
using Esper.Api.Operators;

namespace Esper.Api;

/// <summary>Settings of the shared handlers. Hosts bind them from their environment; each default is stated here and in docs/api.md.</summary>
public sealed class EsperApiOptions
{
    /// <summary>Bearer token for tenant management (<c>ESPER_OPERATOR_TOKEN</c>); null turns those endpoints off. Default null.</summary>
    public string? OperatorToken { get; set; }

    /// <summary>Operator sign-in with bearer JWTs; off unless a key, a JWKS URL or the development secret is set. Defaults: see <see cref="OperatorAuthOptions"/>.</summary>
    public OperatorAuthOptions OperatorAuth { get; set; } = new();

    /// <summary>Input limits. Defaults: see <see cref="RequestLimits"/>.</summary>
    public RequestLimits Limits { get; set; } = new();

    /// <summary>Requests one API key may make per clock minute, across all processes; 0 disables the limit. Default 1200.</summary>
    public int RateLimitPerMinute { get; set; } = 1200;

    /// <summary>How long a process trusts an authenticated key before reading it again (bounds how late a revocation is seen by other processes). Default 5 s.</summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a cached compiled config is used before the tenant's config version is read again; zero reads it on every decision. Default zero.</summary>
    public TimeSpan ConfigCheckInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How long an idempotency key returns the same decision. Default 24 h.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a retry waits for the first request with the same idempotency key to finish before answering 409. Default 5 s.</summary>
    public TimeSpan IdempotencyWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long decision records are kept (results counters are kept for ever). Default 7 days.</summary>
    public TimeSpan DecisionRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many recent decisions the results of one policy list. Default 20.</summary>
    public int RecentDecisions { get; set; } = 20;

    /// <summary>
    /// When a decision's records (decision records, results counters, penalties, idempotency answer) are written:
    /// before the answer, or right after it with a journal entry written in the counter round so nothing answered is
    /// lost (<c>ESPER_RECORDING</c>). Default <see cref="RecordingMode.BeforeAnswer"/>; the hosts choose
    /// <see cref="RecordingMode.AfterAnswer"/> for the cloud stores (docs/decision-semantics.md).
    /// </summary>
    public RecordingMode Recording { get; set; } = RecordingMode.BeforeAnswer;

    /// <summary>
    /// Whether a decision writes its records: the decision record and its detail, the results counters and the
    /// active-mitigations feed item. False keeps only what later decisions read (entity windows and penalties, and the
    /// idempotency answer), written before the answer whatever <see cref="Recording"/> says, with no journal entry.
    /// For a process whose events are recorded by a system of record elsewhere: the hybrid daemon (<c>esper run</c>),
    /// which forwards every event to origin. Then decision and results reads of this process see nothing. Default true.
    /// </summary>
    public bool RecordDecisions { get; set; } = true;

    /// <summary>How old a journal entry must be before recovery treats its decision as orphaned and writes its records. Default 60 s.</summary>
    public TimeSpan JournalGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a process looks for orphaned journal entries of a tenant it serves. Default 30 s.</summary>
    public TimeSpan JournalSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a journal entry is kept: a decision whose process died is recovered if any process serves its tenant
    /// (or reads its results) within this time. On DynamoDB entries are left to this expiry instead of deleted (a delete
    /// is a billed write), so it bounds the journal's storage. Default 24 h; never less than the grace period plus two
    /// sweep intervals.
    /// </summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The expiry a journal entry is written with: <see cref="JournalRetention"/>, at least the grace period plus two
    /// sweep intervals, and never longer than the decision records are kept (an entry outliving its decision's record
    /// would be recovered a second time).
    /// </summary>
    internal TimeSpan JournalEntryLifetime
    {
        get
        {
            var floor = JournalGrace + JournalSweepInterval + JournalSweepInterval;
            var lifetime = JournalRetention < floor ? floor : JournalRetention;
            return lifetime > DecisionRetention ? DecisionRetention : lifetime;
        }
    }

    /// <summary>
    /// The <c>Retry-After</c> of a 503 answered because the store is unavailable (unreachable, timed out, locked or
    /// full). Default 5 s.
    /// </summary>
    public TimeSpan StoreRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long <c>/readyz</c> reuses one store probe, and how long it reports not ready after a request met a store
    /// outage, so probes under load cost at most one store call per interval. Default 2 s.
    /// </summary>
    public TimeSpan ReadinessInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most events in one beacon batch. Default 100.</summary>
    public int MaxBeaconBatch { get; set; } = 100;

    /// <summary>About how many recorded events one replay chunk decides (one request or worker turn). Default 500.</summary>
    public int ReplayChunkSize { get; set; } = 500;

    /// <summary>How long a process owns a replay chunk it claimed; another may take the job over after that. Default 30 s.</summary>
    public TimeSpan ReplayLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a replay job and its own state are kept after creation. Default 7 days.</summary>
    public TimeSpan ReplayRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many changed decisions a replay diff keeps as samples. Default 20.</summary>
    public int ReplaySamples { get; set; } = 20;
}
