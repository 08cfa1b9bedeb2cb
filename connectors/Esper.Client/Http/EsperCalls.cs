using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Esper.Client.Http;

/// <summary>Maps transport failures (after the resilience pipeline gave up) to <see cref="EsperUnavailableException"/>.</summary>
internal static class EsperCalls
{
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not EsperApiException && Unavailable(ex, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>The <see cref="EsperUnavailableException"/> a transport failure means, or null when it is not one (the caller's own cancellation).</summary>
    public static EsperUnavailableException? Unavailable(Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(exception, cancellationToken) is not { } reason)
        {
            return null;
        }

        var message = reason switch
        {
            EsperUnavailableReason.Timeout => "Esper did not answer within the timeout.",
            EsperUnavailableReason.CircuitOpen => "Esper's circuit is open after repeated failures; the call was not sent.",
            _ => "Esper could not be reached.",
        };
        return new EsperUnavailableException(reason, message, exception);
    }

    // Refit wraps transport failures in its own exception; the cause decides the reason.
    private static EsperUnavailableReason? Classify(Exception exception, CancellationToken cancellationToken)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case TimeoutRejectedException:
                    return EsperUnavailableReason.Timeout;
                case BrokenCircuitException:
                    return EsperUnavailableReason.CircuitOpen;
                case HttpRequestException:
                    return EsperUnavailableReason.Unreachable;
                case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                    return EsperUnavailableReason.Timeout;
            }
        }

        return null;
    }
}
