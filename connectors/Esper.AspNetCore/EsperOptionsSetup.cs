using Esper.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Esper.AspNetCore;

/// <summary>
/// Binds the <c>Esper</c> section (when the app has configuration) into both option types, and lets
/// <see cref="EsperOptions.ApiUrl"/>/<see cref="EsperOptions.ApiKey"/> set the client's.
/// </summary>
internal sealed class EsperOptionsSetup(IServiceProvider services) : IConfigureOptions<EsperOptions>, IConfigureOptions<EsperClientOptions>, IValidateOptions<EsperOptions>
{
    public const string SectionName = "Esper";

    public void Configure(EsperOptions options)
    {
        if (Section() is { } section)
        {
            EsperOptionsBinder.Bind(section, options);
        }
    }

    public void Configure(EsperClientOptions options)
    {
        if (Section() is { } section)
        {
            Esper.Client.EsperClientConfiguration.Bind(section, options);
        }

        var esper = services.GetRequiredService<IOptions<EsperOptions>>().Value;
        options.ApiUrl = esper.ApiUrl ?? options.ApiUrl;
        options.ApiKey = esper.ApiKey ?? options.ApiKey;
    }

    public ValidateOptionsResult Validate(string? name, EsperOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IConfigurationSection? Section() => services.GetService<IConfiguration>()?.GetSection(SectionName);
}
