using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Esper.Client.Guard;

/// <summary>
/// The transport-free core of every connector: asks Esper about one request and turns the answer, or the lack of
/// one, into a verdict (continue, redirect, deny) under the options' mode and failure mode. Never throws because
/// Esper is slow, down or answering errors; only the caller's own cancellation escapes.
/// </summary>
public sealed class EsperGuard
{
    private readonly IEsperClient _client;
    private readonly EsperGuardOptions _options;
    private readonly ILogger _logger;
    private readonly PenaltyMemory _memory;

    /// <summary>Creates a guard; one per app (it holds the penalty memory).</summary>
    public EsperGuard(IEsperClient client, EsperGuardOptions options, TimeProvider time, ILogger<EsperGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _memory = new PenaltyMemory(options.PenaltyMemorySize, time);
    }

    /// <summary>Remembered penalties held now (for diagnostics).</summary>
    public int RememberedPenalties => _memory.Count;

    /// <summary>
    /// Decides one request. <paramref name="browser"/> (a GET or HEAD accepting <c>text/html</c>) turns a challenge
    /// into a redirect to the challenge page; other clients get a problem+json carrying <c>redirect_url</c>.
    /// </summary>
    public Task<EsperVerdict> CheckAsync(EsperEvent request, bool browser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CheckAsync(request, default, RequestIdentity.Of(request.Request), browser, cancellationToken);
    }

    /// <summary>
    /// Decides one request whose body the caller wrote as JSON straight from its request (with an
    /// <c>idempotency_key</c>); <paramref name="body"/> must stay valid until the returned task completes.
    /// </summary>
    internal Task<EsperVerdict> CheckAsync(ReadOnlyMemory<byte> body, RequestIdentity identity, bool browser, CancellationToken cancellationToken) =>
        CheckAsync(null, body, identity, browser, cancellationToken);

    private async Task<EsperVerdict> CheckAsync(EsperEvent? request, ReadOnlyMemory<byte> body, RequestIdentity identity, bool browser, CancellationToken cancellationToken)
    {
        using var activity = EsperTelemetry.Source.StartActivity("esper.decide", ActivityKind.Client);
        var started = Stopwatch.GetTimestamp();
        EsperVerdict verdict;
        try
        {
            var decision = await DecideAsync(request, body, cancellationToken).ConfigureAwait(false);
            _memory.Remember(identity, decision);
            verdict = Apply(decision, browser);
            activity?.SetTag("esper.decision_id", decision.DecisionId);
            activity?.SetTag("esper.policy_id", decision.PolicyId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (EsperUnavailableException ex)
        {
            verdict = Failed(ex.Reason, ex.Message, identity, browser);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Reason.ToString());
        }
        catch (EsperApiException ex)
        {
            // An error answer (bad key, rate limited, a bug) must not take the app down either.
            verdict = Failed(EsperUnavailableReason.Unreachable, ex.Message, identity, browser);
            GuardLog.ErrorAnswer(_logger, ex.StatusCode, ex.Problem.Code, Describe(verdict));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Problem.Code);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            verdict = Failed(EsperUnavailableReason.Unreachable, ex.Message, identity, browser);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        }

        // Only when someone listens: the tags box their values on every call otherwise.
        if (EsperTelemetry.Duration.Enabled)
        {
            EsperTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (EsperTelemetry.Decisions.Enabled)
        {
            EsperTelemetry.Decisions.Add(1, new("action", verdict.Action), new("enforced", verdict.Enforced), new("remembered", verdict.Remembered));
        }

        activity?.SetTag("esper.action", verdict.Action);
        activity?.SetTag("esper.enforced", verdict.Enforced);
        return verdict;
    }

    // The client's own decision call takes a ready body; any other IEsperClient (a test's, an app's wrapper) gets the event.
    private Task<EsperDecision> DecideAsync(EsperEvent? request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        (request, _client) switch
        {
            (null, Http.EsperClient client) => client.DecideAsync(body, cancellationToken),
            (null, _) => _client.DecideAsync(JsonSerializer.Deserialize(body.Span, Http.EsperJsonContext.Default.EsperEvent)!, cancellationToken),
            _ => _client.DecideAsync(request, cancellationToken),
        };

    /// <summary>
    /// Exchanges the proof a solved challenge returned with for a pass, and answers a redirect to
    /// <paramref name="url"/> without the proof, carrying the pass cookie when the proof was good.
    /// </summary>
    public async Task<EsperVerdict> ExchangeProofAsync(string proof, string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var clean = ProofParameter.Remove(url);
        string? setCookie = null;
        try
        {
            var verified = await _client.VerifyProofAsync(proof, url, cancellationToken).ConfigureAwait(false);
            setCookie = PassCookie(verified, url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (EsperApiException ex)
        {
            GuardLog.ProofRefused(_logger, ex.Problem.Code);
        }
        catch (EsperUnavailableException ex)
        {
            GuardLog.ProofUnavailable(_logger, ex.Reason);
        }

        return new EsperVerdict { Kind = EsperVerdictKind.Redirect, Location = clean, SetCookie = setCookie, Action = EsperActions.Allow };
    }

    private static string PassCookie(ProofVerification verified, bool secure)
    {
        var value = verified.Cookie?.Value ?? verified.Pass;
        var maxAge = verified.Cookie?.MaxAge ?? verified.MaxAge;

        // Secure only over https: browsers drop Secure cookies set over plain http (except on localhost).
        return string.Create(CultureInfo.InvariantCulture,
            $"{ProofParameter.PassCookieName}={value}; Max-Age={maxAge}; Path=/; HttpOnly; SameSite=Lax{(secure ? "; Secure" : "")}");
    }

    private EsperVerdict Apply(EsperDecision decision, bool browser, bool remembered = false, EsperUnavailableReason? failure = null)
    {
        if (decision.Action == EsperActions.Allow)
        {
            return new EsperVerdict { Kind = EsperVerdictKind.Continue, Decision = decision, Action = EsperActions.Allow, Enforced = _options.Mode == EsperMode.Enforce };
        }

        if (_options.Mode == EsperMode.Monitor)
        {
            GuardLog.Monitored(_logger, decision.Action, decision.DecisionId);
            return new EsperVerdict { Kind = EsperVerdictKind.Continue, Decision = decision, Action = decision.Action, Enforced = false, Remembered = remembered, Failure = failure };
        }

        if (decision.Action == EsperActions.Challenge)
        {
            // A remembered challenge cannot send anyone to Esper's page while Esper is unreachable.
            var page = remembered ? null : decision.RedirectUrl;
            return browser && page is not null
                ? new EsperVerdict { Kind = EsperVerdictKind.Redirect, Decision = decision, Action = EsperActions.Challenge, Enforced = true, Location = page }
                : new EsperVerdict
                {
                    Kind = EsperVerdictKind.Deny, Decision = decision, Action = EsperActions.Challenge, Enforced = true, Remembered = remembered, Failure = failure,
                    StatusCode = _options.ChallengeStatusCode, Location = page, Body = ProblemBodies.Challenged(_options.ChallengeStatusCode, decision, page),
                };
        }

        var status = _options.BlockStatusCode ?? decision.Block?.StatusCode ?? 403;
        return new EsperVerdict
        {
            Kind = EsperVerdictKind.Deny, Decision = decision, Action = EsperActions.Block, Enforced = true, Remembered = remembered, Failure = failure,
            StatusCode = status, Body = ProblemBodies.Blocked(status, decision),
        };
    }

    private EsperVerdict Failed(EsperUnavailableReason reason, string message, in RequestIdentity identity, bool browser)
    {
        EsperTelemetry.Failures.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        EsperVerdict verdict;
        if (_memory.Find(identity) is { } remembered)
        {
            GuardLog.RememberedApplied(_logger, remembered.Action, remembered.DecisionId);
            verdict = Apply(remembered, browser, remembered: true, failure: reason) with { FailureMessage = message };
        }
        else if (_options.FailureMode == EsperFailureMode.FailClosed && _options.Mode == EsperMode.Enforce)
        {
            var status = _options.FailClosedStatusCode;
            verdict = new EsperVerdict
            {
                Kind = EsperVerdictKind.Deny, Action = EsperActions.Block, Enforced = true, Failure = reason, FailureMessage = message,
                StatusCode = status, Body = ProblemBodies.Unavailable(status),
            };
        }
        else
        {
            verdict = new EsperVerdict { Kind = EsperVerdictKind.Continue, Action = EsperActions.Allow, Enforced = false, Failure = reason, FailureMessage = message };
        }

        GuardLog.Unavailable(_logger, reason, Describe(verdict), message);
        return verdict;
    }

    private static string Describe(EsperVerdict verdict) => verdict.Kind switch
    {
        EsperVerdictKind.Continue => "continues (fail open)",
        _ when verdict.Remembered => "gets the remembered " + verdict.Action,
        _ => "is refused (fail closed)",
    };
}
