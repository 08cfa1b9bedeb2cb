using System.Collections.Concurrent;
using Esper.Api.Runtime;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Core.Resources;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Challenge;

/// <summary>
/// The runtime's challenge seam: turns a request's pass into finish options before the decision is finished, and
/// starts a challenge session (answering its <c>redirect_url</c>) for a challenge decision.
/// </summary>
internal sealed partial class ChallengeIssuer(ChallengeSessionStore sessions, ChallengeSettings settings, TimeProvider time, ILogger<ChallengeIssuer> logger) : IChallengeIssuer
{
    /// <summary>How often one tenant's mitigation logs that its challenge cannot start; the decisions in between are counted instead.</summary>
    internal static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly ChallengeTokenCodec _codec = new(settings.Keys);

    // A misconfigured challenge fails the same way on every decision; logging each one made the console logger's
    // lock a hot spot under load, so each (tenant, mitigation, reason) warns once per interval.
    private readonly ConcurrentDictionary<string, Warning> _warnings = new(StringComparer.Ordinal);

    public FinishOptions ReadPass(string tenantId, RuntimeEvent runtimeEvent, IEnumerable<string> entityKeys)
    {
        var token = Lookup(runtimeEvent.Cookies, ChallengePassContract.CookieName) ?? Lookup(runtimeEvent.Headers, ChallengePassContract.HeaderName);
        if (token is null)
        {
            return FinishOptions.None;
        }

        var read = _codec.Read(token, ChallengeTokenKinds.Pass, time.GetUtcNow());
        if (!read.IsValid || read.Claims!.TenantId != tenantId)
        {
            return FinishOptions.None;
        }

        // A pass earned on an entity-less clause waives only entity-less challenges (empty key set); otherwise it
        // waives challenges of the entity keys it was issued for, which the request must still have.
        if (read.Claims.EntityKeyHash == ChallengeTokenCodec.HashEntityKey(""))
        {
            return new FinishOptions { ChallengePassed = true, ChallengePassEntityKeys = [] };
        }

        var covered = entityKeys.Where(k => ChallengeTokenCodec.HashEntityKey(k) == read.Claims.EntityKeyHash).ToList();
        return covered.Count == 0
            ? FinishOptions.None
            : new FinishOptions { ChallengePassed = true, ChallengePassEntityKeys = covered };
    }

    public async ValueTask<string?> IssueAsync(ChallengeRequest request, CancellationToken cancellationToken) =>
        (await IssueWithReasonAsync(request, cancellationToken).ConfigureAwait(false)).RedirectUrl;

    public async ValueTask<ChallengeIssue> IssueWithReasonAsync(ChallengeRequest request, CancellationToken cancellationToken)
    {
        var start = await StartAsync(request, cancellationToken).ConfigureAwait(false);
        if (start.Error is { } error)
        {
            // The decision still says challenge; the operator learns here (and from the status check) why it has no page.
            WarnNotStarted(request, error);
        }

        return new ChallengeIssue(start.RedirectUrl, start.Error);
    }

    /// <summary>Creates the session; the result says why when no managed challenge can be started.</summary>
    public async ValueTask<ChallengeStart> StartAsync(ChallengeRequest request, CancellationToken cancellationToken)
    {
        if (settings.PublicUrl is null)
        {
            return Failed(ChallengeReadiness.NoPublicUrl);
        }

        var challenge = request.Mitigation?.Challenge;
        var provider = request.Provider ?? challenge?.Provider ?? ChallengeProviders.ProofOfWork;
        if (ChallengeProviderStatus.Unavailable(provider, settings) is { } unavailable)
        {
            return Failed(unavailable);
        }

        var runtimeEvent = request.Event;
        var host = runtimeEvent is null ? null : Lookup(runtimeEvent.Headers, "host");
        var target = ChallengeReturnUrls.Resolve(challenge, runtimeEvent?.ReturnUrl, runtimeEvent?.Path, host, settings.AllowLoopbackReturnOrigins);
        if (!target.IsAllowed)
        {
            return Failed(target.Error!);
        }

        var now = time.GetUtcNow();
        var session = new ChallengeSession
        {
            Id = ChallengeSessionStore.NewId(request.TenantId),
            TenantId = request.TenantId,
            EntityKey = request.EntityKey ?? "",
            MitigationId = request.MitigationId,
            Provider = provider,
            ReturnUrl = target.Url!.AbsoluteUri,
            ReturnOrigin = target.Origin!,
            PowChallenge = provider == ChallengeProviders.ProofOfWork ? ProofOfWork.CreateChallenge() : "",
            Difficulty = provider == ChallengeProviders.ProofOfWork ? settings.ProofOfWorkDifficulty : 0,
            CreatedAt = now,
            ExpiresAt = now + settings.SessionLifetime,
        };

        if (!await sessions.CreateAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return Failed("the challenge session could not be saved");
        }

        var redirect = $"{settings.PublicUrl.AbsoluteUri.TrimEnd('/')}/challenge/{Uri.EscapeDataString(session.Id)}";
        return new ChallengeStart(redirect, session.Id, session.ExpiresAt, null);
    }

    private static ChallengeStart Failed(string error) => new(null, null, null, error);

    private static string? Lookup(IReadOnlyDictionary<string, string> values, string name)
    {
        if (values.TryGetValue(name, out var value))
        {
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        // The event's dictionaries may be case-sensitive; header and cookie names are matched without case.
        foreach (var (key, v) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
            }
        }

        return null;
    }

    private void WarnNotStarted(ChallengeRequest request, string error)
    {
        var warning = _warnings.GetOrAdd($"{request.TenantId}\n{request.MitigationId}\n{error}", static _ => new Warning());
        var now = time.GetUtcNow();
        int suppressed;
        lock (warning)
        {
            if (warning.LoggedAt is { } at && now - at < WarningInterval)
            {
                warning.Suppressed++;
                return;
            }

            suppressed = warning.Suppressed;
            warning.Suppressed = 0;
            warning.LoggedAt = now;
        }

        LogNotStarted(logger, request.TenantId, request.MitigationId, error, suppressed);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "No managed challenge for tenant {TenantId}, mitigation {MitigationId}: {Reason} ({Suppressed} more since the last warning)")]
    private static partial void LogNotStarted(ILogger logger, string tenantId, string? mitigationId, string reason, int suppressed);

    private sealed class Warning
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public int Suppressed { get; set; }
    }
}
