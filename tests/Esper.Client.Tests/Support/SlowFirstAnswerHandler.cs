namespace Esper.Connectors.Testing;

/// <summary>
/// Lets the first request reach Esper, then holds its answer until the attempt is cancelled (the attempt timeout),
/// as a slow network would; later requests pass. Sits below the resilience pipeline.
/// </summary>
internal sealed class SlowFirstAnswerHandler : DelegatingHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<string> Bodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Bodies)
        {
            Bodies.Add(body);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _calls) == 1)
        {
            response.Dispose();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return response;
    }
}
