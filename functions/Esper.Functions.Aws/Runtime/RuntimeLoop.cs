namespace Esper.Functions.Aws.Runtime;

/// <summary>
/// The custom runtime's event loop: ask for the next invocation, run the function under the invocation's
/// deadline, post its response or error, repeat until cancelled.
/// </summary>
internal sealed class RuntimeLoop(RuntimeApiClient client, HttpEventFunction function, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Invocation invocation;
            try
            {
                invocation = await client.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await RunOneAsync(invocation, cancellationToken).ConfigureAwait(false);
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
            await client.PostResponseAsync(invocation.RequestId, outcome.Response!, cancellationToken).ConfigureAwait(false);
        }
    }
}
