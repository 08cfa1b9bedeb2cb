using Microsoft.Extensions.Options;

namespace Esper.Client;

/// <summary>Fills <see cref="EsperClientOptions.ApiUrl"/> and <see cref="EsperClientOptions.ApiKey"/> from the environment when configuration left them unset.</summary>
internal sealed class EsperClientEnvironmentDefaults : IPostConfigureOptions<EsperClientOptions>
{
    public void PostConfigure(string? name, EsperClientOptions options)
    {
        if (options.ApiUrl is null && Environment.GetEnvironmentVariable(EsperClientOptions.ApiUrlVariable) is { Length: > 0 } url
            && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            options.ApiUrl = uri;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && Environment.GetEnvironmentVariable(EsperClientOptions.ApiKeyVariable) is { Length: > 0 } key)
        {
            options.ApiKey = key.Trim();
        }
    }
}
