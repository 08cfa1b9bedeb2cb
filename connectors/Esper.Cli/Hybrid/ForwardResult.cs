namespace Esper.Cli.Hybrid;

/// <summary>What origin did with one forwarded batch.</summary>
internal enum ForwardResult
{
    /// <summary>Accepted (202): the batch may be deleted.</summary>
    Accepted,

    /// <summary>Origin is down, overloaded or rate limiting: keep the batch and try again later.</summary>
    Retry,

    /// <summary>Origin refused the batch as invalid (4xx): set aside under <c>dead/</c>, never retried.</summary>
    Rejected,
}
