using Esper.Api.Runtime;

namespace Esper.Functions.Aws.Runtime;

/// <summary>
/// The custom runtime's event loop: ask for the next invocation, run the function under the invocation's
/// deadline, post its response or error, finish the record writes the answer left behind, repeat until cancelled.
/// Lambda returns a response to its caller as soon as it is posted and freezes the environment only when the
/// runtime asks for the next event, so the records are written after the caller has its answer.
/// </summary>
internal sealed class RuntimeLoop(RuntimeApiClient client, HttpEventFunction function, PendingRecordings recordings, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var invocation = await client.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
                await RunOneAsync(invocation, cancellationToken).ConfigureAwait(false);
                await recordings.DrainAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down (SIGTERM): whatever was in flight is Lambda's to retry or time out.
                return;
            }
        }
    }

    private async Task RunOneAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        // The X-Ray SDKs read the trace id of the current invocation from this variable.
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (invocation.DeadlineUnixMs is { } deadlineMs)
        {
            var left = DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs) - clock.GetUtcNow();
            deadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        InvocationOutcome outcome;
        try
        {
            outcome = await function.InvokeAsync(invocation.Payload, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = InvocationOutcome.Failure("Esper.Timeout", "The invocation's deadline passed before the handler answered.");
        }

        if (outcome.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"invocation {invocation.RequestId} failed: {error.ErrorType}: {error.ErrorMessage}").ConfigureAwait(false);
            await client.PostInvocationErrorAsync(invocation.RequestId, error, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                await client.PostResponseAsync(invocation.RequestId, outcome.Response!, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is not null)
            {
                // Lambda refused the response (e.g. over its payload limit): report the invocation as failed
                // instead of leaving it unanswered until its deadline.
                var rejected = new RuntimeError { ErrorType = "Esper.ResponseRejected", ErrorMessage = $"The Runtime API refused the response: {ex.Message}" };
                await client.PostInvocationErrorAsync(invocation.RequestId, rejected, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
