using Esper.Client.Guard;

namespace Esper.AspNetCore;

/// <summary>The request feature carrying what Esper decided for this request (<c>HttpContext.Features.Get&lt;IEsperDecisionFeature&gt;()</c>).</summary>
public interface IEsperDecisionFeature
{
    /// <summary>The verdict: action, Esper's decision (null when it did not answer), failure reason, enforced or not.</summary>
    EsperVerdict Verdict { get; }
}
