namespace Esper.Host.Tests.Faults;

/// <summary>
/// One runtime decision a <see cref="DecisionLoad"/> worker sent: the status (0 when no answer arrived: the
/// connection failed or was cut), the decision id of a 200, the problem type, title and Retry-After of an error, and
/// how long the answer took. <see cref="Sequence"/> orders the answers by when they arrived.
/// </summary>
internal sealed record LoadAnswer(long Sequence, int Status, string? DecisionId, string? ContentType, string? ProblemType, string? ProblemTitle, string? RetryAfter, TimeSpan Took)
{
    /// <summary>Acknowledged: answered 200 with a decision id.</summary>
    public bool IsAcknowledged => Status == 200 && DecisionId is not null;
}
