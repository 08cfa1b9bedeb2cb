using Microsoft.Extensions.Options;

namespace Esper.Client;

/// <summary>Refuses options that cannot work, naming the setting.</summary>
internal sealed class EsperClientOptionsValidator : IValidateOptions<EsperClientOptions>
{
    public ValidateOptionsResult Validate(string? name, EsperClientOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is null)
        {
            failures.Add($"Esper ApiUrl is not set: set Esper:ApiUrl or the {EsperClientOptions.ApiUrlVariable} environment variable.");
        }
        else if (!options.ApiUrl.IsAbsoluteUri || (options.ApiUrl.Scheme != Uri.UriSchemeHttp && options.ApiUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Esper ApiUrl must be an absolute http or https URL (got '{options.ApiUrl}').");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"Esper ApiKey is not set: set Esper:ApiKey or the {EsperClientOptions.ApiKeyVariable} environment variable.");
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Esper AttemptTimeout must be at least 10 ms.");
        }

        if (options.DecisionTimeout <= options.AttemptTimeout)
        {
            failures.Add("Esper DecisionTimeout must be longer than AttemptTimeout.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Esper MaxRetries must be from 0 to 10.");
        }

        if (options.ControlTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add("Esper ControlTimeout must be at least 1 s.");
        }

        if (options.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Esper BreakDuration must be at least 500 ms.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
