namespace Esper.Api.Http;

/// <summary>One routed request: the request, its route values and, for key-authenticated routes, the caller.</summary>
internal sealed class ApiCall
{
    public required ApiRequest Request { get; init; }

    public required IReadOnlyDictionary<string, string> RouteValues { get; init; }

    public Caller? Caller { get; init; }

    /// <summary>The caller, for endpoints whose access level guarantees one.</summary>
    public Caller Key => Caller ?? throw new InvalidOperationException("This endpoint requires an API key.");

    public string Route(string name) => RouteValues[name];

    /// <summary>For endpoints that defer it: counts this request against the key's rate limit; a 429 response when over.</summary>
    public Func<CancellationToken, ValueTask<ApiResponse?>> CheckRateLimitAsync { get; init; } = static _ => ValueTask.FromResult<ApiResponse?>(null);
}
