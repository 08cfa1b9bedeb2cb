using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Esper.Client;

/// <summary>Reads <see cref="EsperClientOptions"/> from a configuration section without reflection (trimming-safe).</summary>
internal static class EsperClientOptionsBinder
{
    public static void Bind(IConfiguration section, EsperClientOptions options)
    {
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

    /// <summary>A TimeSpan (<c>00:00:00.400</c>) or milliseconds (<c>400</c>).</summary>
    public static TimeSpan? Time(IConfiguration section, string name)
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
