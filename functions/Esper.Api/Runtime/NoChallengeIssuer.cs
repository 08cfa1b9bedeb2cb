namespace Esper.Api.Runtime;

/// <summary>The default issuer: no hosted challenge, so no redirect URL.</summary>
internal sealed class NoChallengeIssuer : IChallengeIssuer
{
    public ValueTask<string?> IssueAsync(ChallengeRequest request, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
