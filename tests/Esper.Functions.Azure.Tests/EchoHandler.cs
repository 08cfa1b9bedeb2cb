using System.Text;
using System.Text.Json.Nodes;
using Esper.Api.Http;

namespace Esper.Functions.Azure.Tests;

/// <summary>
/// STAND-IN for the shared API handler in the translation tests: it echoes the <see cref="ApiRequest"/> the
/// trigger built, so the tests see exactly what reached the handler.
/// </summary>
internal sealed class EchoHandler : IApiHandler
{
    public ApiRequest? Last { get; private set; }

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        Last = request;
        var echo = new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["body"] = Encoding.UTF8.GetString(request.Body.Span),
        };
        return Task.FromResult(new ApiResponse
        {
            StatusCode = 202,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Echo"] = "yes" },
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes(echo.ToJsonString()),
        });
    }
}
