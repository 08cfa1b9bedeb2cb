using System.Net.Http;
using System.Net.Sockets;

namespace Esper.Storage.Faults;

/// <summary>
/// Tells a store outage (the backend unreachable, timed out, throttling, locked or full) apart from a defect, for the
/// store a host runs on. The handlers answer an outage with 503 and <c>Retry-After</c> instead of 500, and readiness
/// reports it. Each store registers its own; see docs/reliability.md for what each one counts as an outage.
/// </summary>
public sealed class StoreFaults
{
    private const int MaxDepth = 8;

    private readonly Func<Exception, bool> _isOutage;

    /// <summary>
    /// Faults of the store called <paramref name="storeName"/> (as the problem title names it, e.g. <c>DynamoDB</c>);
    /// <paramref name="isOutage"/> recognises the backend's own outage exceptions. Network failures and client
    /// timeouts count as outages for every store.
    /// </summary>
    public StoreFaults(string storeName, Func<Exception, bool> isOutage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeName);
        ArgumentNullException.ThrowIfNull(isOutage);
        StoreName = storeName;
        _isOutage = isOutage;
    }

    /// <summary>Used when no store registered its own: network failures and client timeouts only.</summary>
    public static StoreFaults Generic { get; } = new("store", static _ => false);

    /// <summary>The store's name for people, e.g. <c>DynamoDB</c>, <c>Azure Tables</c>, <c>SQLite</c>.</summary>
    public string StoreName { get; }

    /// <summary>
    /// True when <paramref name="exception"/>, or any exception it wraps (inner and aggregated ones, as SDK retry
    /// loops report them), is an outage of this store. Call it only for exceptions the caller did not cause by
    /// cancelling: a client-side timeout is an outage, the caller giving up is not.
    /// </summary>
    public bool IsOutage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsOutage(exception, 0);
    }

    private bool IsOutage(Exception exception, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (exception is HttpRequestException or SocketException or TimeoutException or OperationCanceledException || _isOutage(exception))
        {
            return true;
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                if (IsOutage(inner, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return exception.InnerException is { } cause && IsOutage(cause, depth + 1);
    }
}
