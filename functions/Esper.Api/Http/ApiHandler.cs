using System.Security.Cryptography;
using System.Text;
using Esper.Api.Auth;
using Esper.Api.Health;
using Esper.Api.Operators;
using Esper.Storage.Faults;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Http;

/// <summary>
/// Routes a request, authenticates it for the endpoint's access level, applies the limits and the per-key rate
/// limit, and runs the endpoint. A store outage is answered 503 with <c>Retry-After</c> and makes the process not
/// ready for a moment; other unexpected faults are logged and answered 500. Both are problem+json; nothing escapes.
/// </summary>
internal sealed partial class ApiHandler(
    RouteTable routes,
    ApiKeyAuthenticator authenticator,
    OperatorCallers operators,
    RateLimiter rateLimiter,
    EsperApiOptions options,
    StoreFaults storeFaults,
    StoreReadiness readiness,
    ILogger<ApiHandler> logger) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RouteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Problems.Create(499, "cancelled", "The client closed the request.");
        }
        catch (Exception ex) when (storeFaults.IsOutage(ex))
        {
            readiness.ReportOutage();
            LogStoreUnavailable(logger, storeFaults.StoreName, request.Method, request.Path, ex.GetType().Name, ex.Message);
            return Problems.StoreUnavailable(storeFaults.StoreName, options.StoreRetryAfter, "The store did not answer in time or refused the request as overloaded; this request was not decided or saved. Retry after the Retry-After seconds.");
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, ex, request.Method, request.Path);
            return Problems.Create(500, "internal-error", "Unexpected error.", "The request failed unexpectedly; it was logged. Nothing acknowledged was lost.");
        }
    }

    private async Task<ApiResponse> RouteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers.Count > options.Limits.MaxHeaderCount)
        {
            return Problems.Create(431, "too-many-headers", "Too many request headers.", $"The limit is {options.Limits.MaxHeaderCount} headers.");
        }

        if (HeaderSize(request) > options.Limits.MaxHeaderBytes)
        {
            return Problems.Create(431, "headers-too-large", "The request headers are too large.", $"The limit is {options.Limits.MaxHeaderBytes} characters of header names and values.");
        }

        if (UrlLength(request) > options.Limits.MaxUrlLength)
        {
            return Problems.Create(414, "uri-too-long", "The request URL is too long.", $"The limit is {options.Limits.MaxUrlLength} characters of path and query string.");
        }

        if (request.Body.Length > options.Limits.MaxBodyBytes)
        {
            return JsonBody.TooLarge($"The body is larger than the limit of {options.Limits.MaxBodyBytes} bytes.");
        }

        var endpoint = routes.Match(request.Method, request.Path, out var values, out var allowed);
        if (endpoint is null)
        {
            return allowed.Count == 0
                ? Problems.NotFound($"No route {request.Path}.")
                : Problems.Create(405, "method-not-allowed", "Method not allowed.", $"{request.Path} allows {string.Join(", ", allowed)}.",
                    headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Allow"] = string.Join(", ", allowed) });
        }

        Caller? caller = null;
        switch (endpoint.Access)
        {
            case Access.Public:
                break;
            case Access.Operator:
                if (options.OperatorToken is not { Length: > 0 } token)
                {
                    return Problems.NotFound("Tenant management is off: the operator token is not configured.");
                }

                if (!IsOperator(request, token))
                {
                    return Problems.Unauthorized("Send Authorization: Bearer <operator token>.");
                }

                break;
            default:
                if (ApiKeyAuthenticator.ReadSecret(request) is not { } secret)
                {
                    return Problems.Unauthorized("Send the API key in the x-esper-api-key header (or Authorization: Bearer <key>).");
                }

                if (options.OperatorAuth.Enabled && OperatorTokenValidator.LooksLikeJwt(secret))
                {
                    (caller, var denied) = await operators.ResolveAsync(secret, endpoint, values, request, cancellationToken).ConfigureAwait(false);
                    if (caller is null)
                    {
                        return denied!;
                    }
                }
                else
                {
                    caller = await authenticator.AuthenticateAsync(secret, cancellationToken).ConfigureAwait(false);
                    if (caller is null)
                    {
                        return Problems.Unauthorized("The API key is unknown or revoked.");
                    }

                    if (endpoint.Access == Access.Admin && caller.Scope != KeyScopes.Admin)
                    {
                        return Problems.Forbidden("This endpoint needs an admin-scope key; runtime keys may only call the runtime and beacon endpoints.");
                    }

                    if (values.TryGetValue("tenant_id", out var named) && named != caller.TenantId)
                    {
                        return Problems.Forbidden("An API key acts only in its own tenant.");
                    }
                }

                if (!endpoint.DefersRateLimit && await rateLimiter.CheckAsync(caller, cancellationToken).ConfigureAwait(false) is { } limited)
                {
                    return limited;
                }

                break;
        }

        var key = caller;
        var call = new ApiCall
        {
            Request = request,
            RouteValues = values,
            Caller = caller,
            CheckRateLimitAsync = key is null ? static _ => ValueTask.FromResult<ApiResponse?>(null) : ct => rateLimiter.CheckAsync(key, ct),
        };
        return await endpoint.Handler(call, cancellationToken).ConfigureAwait(false);
    }

    // Both run on every request: the hosts hand over Dictionary instances, walked with their struct enumerator
    // (through the interface the enumerator is boxed, one allocation per walk).
    private static int HeaderSize(ApiRequest request) => request.Headers is Dictionary<string, string> headers ? Characters(headers, 0) : Characters(request.Headers, 0);

    private static int UrlLength(ApiRequest request) => request.Query.Count == 0 ? request.Path.Length
        : request.Query is Dictionary<string, string> query ? Characters(query, 2) + request.Path.Length : Characters(request.Query, 2) + request.Path.Length;

    private static int Characters(Dictionary<string, string> pairs, int perPair)
    {
        var size = 0;
        foreach (var (name, value) in pairs)
        {
            size += name.Length + value.Length + perPair;
        }

        return size;
    }

    private static int Characters(IReadOnlyDictionary<string, string> pairs, int perPair)
    {
        var size = 0;
        foreach (var (name, value) in pairs)
        {
            size += name.Length + value.Length + perPair;
        }

        return size;
    }

    private static bool IsOperator(ApiRequest request, string token)
    {
        if (!request.Headers.TryGetValue("Authorization", out var auth) || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(auth["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The {Store} store is unavailable: {Method} {Path} answered 503 ({ExceptionType}: {ExceptionMessage})")]
    private static partial void LogStoreUnavailable(ILogger logger, string store, string method, string path, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error handling {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
