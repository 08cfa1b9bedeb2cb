using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Api.Runtime;

/// <summary>
/// Called when a decision is <c>challenge</c>: starts a challenge session and returns the URL the visitor is sent to.
/// The default issuer returns no URL (the integration gets <c>redirect_url: null</c>). Replace it with
/// <c>services.AddSingleton&lt;IChallengeIssuer, YourIssuer&gt;()</c> after <c>AddEsperApi</c>.
/// </summary>
public interface IChallengeIssuer
{
    /// <summary>Starts a challenge for one decision; null when no hosted challenge is available.</summary>
    ValueTask<string?> IssueAsync(ChallengeRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a challenge and says why when there is no URL. The default wraps <see cref="IssueAsync"/>.</summary>
    async ValueTask<ChallengeIssue> IssueWithReasonAsync(ChallengeRequest request, CancellationToken cancellationToken)
    {
        var url = await IssueAsync(request, cancellationToken).ConfigureAwait(false);
        return new ChallengeIssue(url, url is null ? "this host starts no hosted challenge (no challenge issuer is configured)" : null);
    }

    /// <summary>
    /// Called before the decision is finished: the finish options the request's challenge pass (if any) earns for
    /// <paramref name="entityKeys"/>. The default earns nothing.
    /// </summary>
    FinishOptions ReadPass(string tenantId, RuntimeEvent runtimeEvent, IEnumerable<string> entityKeys) => FinishOptions.None;
}
