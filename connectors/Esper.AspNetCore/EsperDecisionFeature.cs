using Esper.Client.Guard;

namespace Esper.AspNetCore;

/// <summary>The feature the middleware sets on each checked request.</summary>
internal sealed class EsperDecisionFeature(EsperVerdict verdict) : IEsperDecisionFeature
{
    public EsperVerdict Verdict { get; } = verdict;
}
