namespace Esper.Client.Guard;

/// <summary>How a connector applies Esper's decisions; shared by the ASP.NET Core middleware and the Lambda guard.</summary>
public class EsperGuardOptions
{
    /// <summary><see cref="EsperMode.Enforce"/> (default) or <see cref="EsperMode.Monitor"/>.</summary>
    public EsperMode Mode { get; set; } = EsperMode.Enforce;

    /// <summary><see cref="EsperFailureMode.FailOpen"/> (default) or <see cref="EsperFailureMode.FailClosed"/>.</summary>
    public EsperFailureMode FailureMode { get; set; } = EsperFailureMode.FailOpen;

    /// <summary>The status of a request refused because Esper was unavailable in <see cref="EsperFailureMode.FailClosed"/>. Default 503.</summary>
    public int FailClosedStatusCode { get; set; } = 503;

    /// <summary>Overrides the status of a block; default null: the mitigation's <c>block.status_code</c> (403 unless set).</summary>
    public int? BlockStatusCode { get; set; }

    /// <summary>The status of a challenge answered to a non-browser client (browsers get a 302 to the challenge page). Default 403.</summary>
    public int ChallengeStatusCode { get; set; } = 403;

    /// <summary>
    /// How many clients' active block/challenge penalties are remembered to keep applying while Esper is unreachable
    /// (stale-on-error). Default 10,000 (a few MB at most); 0 turns remembering off.
    /// </summary>
    public int PenaltyMemorySize { get; set; } = 10_000;

    /// <summary>The <c>source</c> sent with each event. Default set by each connector (<c>aspnetcore</c>, <c>lambda</c>).</summary>
    public string? Source { get; set; }

    /// <summary>Throws when a value cannot work, naming it.</summary>
    public virtual IEnumerable<string> Validate()
    {
        if (FailClosedStatusCode is < 400 or > 599)
        {
            yield return "Esper FailClosedStatusCode must be from 400 to 599.";
        }

        if (BlockStatusCode is < 400 or > 599)
        {
            yield return "Esper BlockStatusCode must be from 400 to 599.";
        }

        if (ChallengeStatusCode is < 400 or > 599)
        {
            yield return "Esper ChallengeStatusCode must be from 400 to 599.";
        }

        if (PenaltyMemorySize is < 0 or > 10_000_000)
        {
            yield return "Esper PenaltyMemorySize must be from 0 to 10,000,000.";
        }
    }
}
