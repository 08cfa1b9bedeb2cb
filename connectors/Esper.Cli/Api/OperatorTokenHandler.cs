namespace Esper.Cli.Api;

/// <summary>
/// Sends an operator token as <c>Authorization: Bearer</c> rather than as an API key: Esper.Client puts its
/// configured secret in <c>x-esper-api-key</c>, and this handler, innermost, moves it.
/// </summary>
internal sealed class OperatorTokenHandler : DelegatingHandler
{
    private const string ApiKeyHeader = "x-esper-api-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues(ApiKeyHeader, out var values) && values.FirstOrDefault() is { } token)
        {
            request.Headers.Remove(ApiKeyHeader);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
