using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Esper.Client;

/// <summary>Reads <see cref="EsperClientOptions"/> from a configuration section (e.g. <c>Esper</c>) without reflection (trimming-safe).</summary>
public static class EsperClientConfiguration
{
    /// <summary>Sets the options named in <paramref name="section"/>: ApiUrl, ApiKey, timeouts (milliseconds or a time span), MaxRetries.</summary>
    public static void Bind(IConfiguration section, EsperClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        if (section[nameof(EsperClientOptions.ApiUrl)] is { Length: > 0 } url)
        {
            options.ApiUrl = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? uri
                : throw new InvalidOperationException($"Esper:ApiUrl '{url}' is not an absolute URL.");
        }

        if (section[nameof(EsperClientOptions.ApiKey)] is { Length: > 0 } key)
        {
            options.ApiKey = key.Trim();
        }

        options.AttemptTimeout = Time(section, nameof(EsperClientOptions.AttemptTimeout)) ?? options.AttemptTimeout;
        options.DecisionTimeout = Time(section, nameof(EsperClientOptions.DecisionTimeout)) ?? options.DecisionTimeout;
        options.ControlTimeout = Time(section, nameof(EsperClientOptions.ControlTimeout)) ?? options.ControlTimeout;
        options.BreakDuration = Time(section, nameof(EsperClientOptions.BreakDuration)) ?? options.BreakDuration;
        if (section[nameof(EsperClientOptions.MaxRetries)] is { Length: > 0 } retries)
        {
            options.MaxRetries = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
                : throw new InvalidOperationException($"Esper:MaxRetries '{retries}' is not a whole number.");
        }
    }

    // A TimeSpan (00:00:00.400) or milliseconds (400).
    private static TimeSpan? Time(IConfiguration section, string name)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span
            : throw new InvalidOperationException($"Esper:{name} '{text}' is neither milliseconds nor a time span such as 00:00:01.");
    }
}
