using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Api.Runtime;

/// <summary>The default verifier: no request carries a pass.</summary>
internal sealed class NoChallengePassVerifier : IChallengePassVerifier
{
    public ValueTask<FinishOptions> VerifyAsync(string tenantId, RuntimeEvent ev, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FinishOptions.None);
}
