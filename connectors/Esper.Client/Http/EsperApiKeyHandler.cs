using System.Reflection;
using Microsoft.Extensions.Options;

namespace Esper.Client.Http;

/// <summary>Adds the API key and the client's user agent to every call.</summary>
internal sealed class EsperApiKeyHandler(IOptions<EsperClientOptions> options) : DelegatingHandler
{
    private static readonly string UserAgent = "esper-dotnet/" + (typeof(EsperApiKeyHandler).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("x-esper-api-key", options.Value.ApiKey);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
