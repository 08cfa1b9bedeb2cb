using Esper.Api.Config;
using Esper.Api.Http;
using Esper.Storage.Repositories;

namespace Esper.Api.Challenge;

/// <summary>
/// The challenge routes: the page and its solve (public, for browsers: HTML and redirects), proof verification
/// (runtime keys: connectors exchange a proof for a pass) and the setup status check (admin keys).
/// </summary>
internal sealed class ChallengeEndpoints(
    ChallengeSessionStore sessions,
    ChallengeSolver solver,
    ProofVerifier verifier,
    ChallengeStatusChecker status,
    ConfigRepository config,
    ChallengeSettings settings,
    EsperApiOptions options) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("ChallengePage", Access.Public, PageAsync),
        new("SolveChallenge", Access.Public, SolveAsync),
        new("VerifyChallengeProof", Access.Runtime, VerifyAsync),
        new("ChallengeStatus", Access.Admin, StatusAsync),
    ];

    private async ValueTask<ApiResponse> PageAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var loaded = await sessions.GetAsync(call.Route("id"), cancellationToken).ConfigureAwait(false);
        if (loaded is not var (session, _))
        {
            return ChallengePageResponses.Message(call.Request, 404, "challenge-not-found", "This check has ended", ChallengeSolveResult.Gone().Message, null);
        }

        if (ChallengeProviderStatus.Unavailable(session.Provider, settings) is not null)
        {
            return ChallengePageResponses.Message(call.Request, 503, "challenge-unavailable", "This check is unavailable", "The security check cannot run right now. Please try again later.", null);
        }

        return ChallengePageResponses.Page(session, settings);
    }

    private async ValueTask<ApiResponse> SolveAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var id = call.Route("id");
        var result = await solver.SolveAsync(id, FormBody.Parse(call.Request.Body), call.Request.RemoteIp, cancellationToken).ConfigureAwait(false);
        var retry = $"/challenge/{Uri.EscapeDataString(id)}";
        return result.Outcome switch
        {
            ChallengeSolveOutcome.Solved => ChallengePageResponses.SeeOther(result.Location!),
            ChallengeSolveOutcome.Gone => ChallengePageResponses.Message(call.Request, 410, "challenge-gone", "This check has ended", result.Message, null),
            ChallengeSolveOutcome.Unavailable => ChallengePageResponses.Message(call.Request, 503, "challenge-unavailable", "Please try again", result.Message, retry),
            _ => ChallengePageResponses.Message(call.Request, 400, "challenge-answer-rejected", "Please try again", result.Message, retry, result.Field),
        };
    }

    private async ValueTask<ApiResponse> VerifyAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, out var document, out var problem))
        {
            return problem!;
        }

        string? proof;
        string? url;
        using (document)
        {
            var fields = new BodyFields(document!.RootElement);
            if (!fields.IsObject)
            {
                return Problems.Validation("$", "must be a JSON object with a 'proof' field");
            }

            proof = fields.String("proof", required: true, maxLength: ChallengeTokenCodec.MaxTokenLength);
            url = fields.String("url", required: false, maxLength: ReturnUrlGuard.MaxLength);
            if (fields.Errors.Count > 0)
            {
                return Problems.Validation(fields.Errors);
            }
        }

        var result = await verifier.VerifyAsync(call.Key.TenantId, proof, url, cancellationToken).ConfigureAwait(false);
        return result.Accepted
            ? ProofResponses.Verified(result, settings)
            : ProofResponses.Refused(result.Failure);
    }

    private async ValueTask<ApiResponse> StatusAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var snapshot = await ConfigSnapshot.LoadAsync(config, call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        var view = await status.CheckAsync(snapshot.Mitigations, cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, view, ChallengeJsonContext.Default.ChallengeStatusView);
    }
}
