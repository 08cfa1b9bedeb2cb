using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Api.Challenge;

/// <summary>
/// What the runtime decision endpoint calls around the engine: before finishing, to learn whether the request carries
/// a valid pass; after a <c>challenge</c> decision, to create the challenge session and get its <c>redirect_url</c>.
/// </summary>
internal interface IChallengeIssuer
{
    /// <summary>
    /// Reads the pass from the event (cookie <c>esper_challenge</c> or header <c>x-esper-challenge-pass</c>) and
    /// returns the finish options it earns for <paramref name="entityKeys"/> (the plan's entity keys).
    /// </summary>
    FinishOptions ReadPass(string tenantId, RuntimeEvent runtimeEvent, IEnumerable<string> entityKeys);

    /// <summary>Creates a challenge session for a challenge decision; never throws for bad input.</summary>
    ValueTask<ChallengeStart> StartAsync(string tenantId, Decision decision, RuntimeEvent runtimeEvent, CancellationToken cancellationToken = default);
}
