using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Api.Runtime;

/// <summary>
/// Tells the engine whether a request carries a valid challenge pass (for example a proof token or pass cookie the
/// hosted challenge issued), so a challenge it covers becomes allow. Called for every runtime decision, in parallel
/// with the entity-state round; the default finds no pass. Replace it with
/// <c>services.AddSingleton&lt;IChallengePassVerifier, YourVerifier&gt;()</c> after <c>AddEsperApi</c>.
/// </summary>
public interface IChallengePassVerifier
{
    /// <summary>The finish options for this event: <see cref="FinishOptions.None"/> when it carries no valid pass.</summary>
    ValueTask<FinishOptions> VerifyAsync(string tenantId, RuntimeEvent ev, DateTimeOffset now, CancellationToken cancellationToken);
}
