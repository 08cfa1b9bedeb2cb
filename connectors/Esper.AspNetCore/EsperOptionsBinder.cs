using System.Globalization;
using Esper.Client.Guard;
using Microsoft.Extensions.Configuration;

namespace Esper.AspNetCore;

/// <summary>Reads the middleware's scalar options from the <c>Esper</c> section without reflection (trimming-safe).</summary>
internal static class EsperOptionsBinder
{
    public static void Bind(IConfiguration section, EsperOptions options)
    {
        options.Mode = Enum<EsperMode>(section, nameof(EsperOptions.Mode)) ?? options.Mode;
        options.FailureMode = Enum<EsperFailureMode>(section, nameof(EsperOptions.FailureMode)) ?? options.FailureMode;
        options.FailClosedStatusCode = Int(section, nameof(EsperOptions.FailClosedStatusCode)) ?? options.FailClosedStatusCode;
        options.BlockStatusCode = Int(section, nameof(EsperOptions.BlockStatusCode)) ?? options.BlockStatusCode;
        options.ChallengeStatusCode = Int(section, nameof(EsperOptions.ChallengeStatusCode)) ?? options.ChallengeStatusCode;
        options.PenaltyMemorySize = Int(section, nameof(EsperOptions.PenaltyMemorySize)) ?? options.PenaltyMemorySize;
        options.RequireOptIn = Bool(section, nameof(EsperOptions.RequireOptIn)) ?? options.RequireOptIn;
        options.ForwardAuthorization = Bool(section, nameof(EsperOptions.ForwardAuthorization)) ?? options.ForwardAuthorization;
        options.UseRequestIdAsIdempotencyKey = Bool(section, nameof(EsperOptions.UseRequestIdAsIdempotencyKey)) ?? options.UseRequestIdAsIdempotencyKey;
        options.Source = section[nameof(EsperOptions.Source)] is { Length: > 0 } source ? source : options.Source;
        AddAll(section, nameof(EsperOptions.IncludePaths), options.IncludePaths);
        AddAll(section, nameof(EsperOptions.ExcludePaths), options.ExcludePaths);
        AddAll(section, nameof(EsperOptions.CookieValues), options.CookieValues);
    }

    private static T? Enum<T>(IConfiguration section, string name)
        where T : struct, Enum =>
        section[name] is not { Length: > 0 } text ? null
        : System.Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value
        : throw new InvalidOperationException($"Esper:{name} '{text}' must be one of {string.Join(", ", System.Enum.GetNames<T>())}.");

    private static int? Int(IConfiguration section, string name) =>
        section[name] is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidOperationException($"Esper:{name} '{text}' is not a whole number.");

    private static bool? Bool(IConfiguration section, string name) =>
        section[name] is not { Length: > 0 } text ? null
        : bool.TryParse(text, out var value) ? value
        : throw new InvalidOperationException($"Esper:{name} '{text}' must be true or false.");

    private static void AddAll(IConfiguration section, string name, ICollection<string> target)
    {
        foreach (var child in section.GetSection(name).GetChildren())
        {
            if (child.Value is { Length: > 0 } value && !target.Contains(value))
            {
                target.Add(value);
            }
        }
    }
}
