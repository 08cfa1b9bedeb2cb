using System.Text;
using System.Text.Json.Nodes;
using Esper.Api.Http;

namespace Esper.Testing;

/// <summary>
/// STAND-IN for the shared API handler in the hosts' translation tests: it echoes what the host handed it, so the
/// tests can see exactly how a transport's request was turned into an <see cref="ApiRequest"/> and how a response
/// goes back. Paths ending in /binary answer raw bytes; /throw throws; every answer sets a cookie.
/// </summary>
public sealed class EchoHandler : IApiHandler
{
    public static readonly byte[] BinaryBody = [0, 1, 2, 250, 255];

    /// <summary>The last request the handler saw.</summary>
    public ApiRequest? Last { get; private set; }

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        Last = request;
        if (request.Path.EndsWith("/throw", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("stand-in failure");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Set-Cookie"] = "esper=1; Path=/; HttpOnly",
            ["X-Echo"] = "yes",
        };
        if (request.Path.EndsWith("/binary", StringComparison.Ordinal))
        {
            return Task.FromResult(new ApiResponse { StatusCode = 200, Headers = headers, ContentType = "application/octet-stream", Body = BinaryBody });
        }

        var echo = new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["query"] = new JsonObject(request.Query.Select(static q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))),
            ["headers"] = new JsonObject(request.Headers.Select(static h => KeyValuePair.Create(h.Key.ToLowerInvariant(), (JsonNode?)h.Value))),
            ["body"] = Encoding.UTF8.GetString(request.Body.Span),
            ["remote_ip"] = request.RemoteIp,
        };
        return Task.FromResult(new ApiResponse
        {
            StatusCode = 201,
            Headers = headers,
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes(echo.ToJsonString()),
        });
    }
}
