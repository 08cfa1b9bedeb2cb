using System.Net.Http.Json;
using System.Text.Json;

namespace Esper.Client.Http;

/// <summary>Turns an error answer into an <see cref="EsperApiException"/> naming Esper's problem.</summary>
internal static class ProblemReader
{
    public static async Task<EsperApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var status = (int)response.StatusCode;
        EsperProblem? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync(EsperJsonContext.Default.EsperProblem, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page): fall back to the status alone.
        }

        problem ??= new EsperProblem { Type = "urn:esper:problem:http-" + status, Title = response.ReasonPhrase };
        return new EsperApiException(problem.Status == 0 ? problem with { Status = status } : problem);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
