namespace Esper.Core.Resources;

/// <summary>The rules of a mitigation definition.</summary>
internal static class MitigationRules
{
    public static IReadOnlyList<ValidationError> Validate(MitigationDefinition m)
    {
        var v = new ValidationCollector(static _ => throw new InvalidOperationException("mitigations hold no expressions"));
        v.Id("id", m.Id, required: false);
        if (string.Equals(m.Id, BuiltInMitigations.MonitorId, StringComparison.Ordinal))
        {
            v.Add("id", $"'{BuiltInMitigations.MonitorId}' is reserved for the built-in monitor");
        }

        v.Text("name", m.Name, ResourceLimits.MaxNameLength, required: true);
        v.Text("description", m.Description, ResourceLimits.MaxDescriptionLength, required: false);
        v.OneOf("mode", m.Mode, MitigationModes.Monitor, MitigationModes.Challenge, MitigationModes.Block);
        v.Range("duration_seconds", m.DurationSeconds, 0, ResourceLimits.MaxDurationSeconds);

        if (m.Block is { } block)
        {
            if (m.Mode != MitigationModes.Block)
            {
                v.Add("block", "applies to mode 'block' only");
            }

            v.Range("block.status_code", block.StatusCode, 400, 599);
            v.Text("block.message", block.Message, ResourceLimits.MaxBlockMessageLength, required: false);
        }

        if (m.Challenge is { } challenge)
        {
            if (m.Mode != MitigationModes.Challenge)
            {
                v.Add("challenge", "applies to mode 'challenge' only");
            }

            v.OneOf("challenge.provider", challenge.Provider, ChallengeProviders.ProofOfWork, ChallengeProviders.Turnstile);
            ReturnUrl(v, challenge.ReturnUrlTemplate);
            AllowedOrigins(v, challenge.AllowedOrigins);
        }

        return v.Errors;
    }

    private static void ReturnUrl(ValidationCollector v, string? template)
    {
        if (template is null)
        {
            return;
        }

        v.Text("challenge.return_url_template", template, ResourceLimits.MaxReturnUrlTemplateLength, required: false);
        var ok = template.StartsWith('/') && !template.StartsWith("//", StringComparison.Ordinal)
            || template.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || template.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        if (!ok)
        {
            v.Add("challenge.return_url_template", "must be an absolute http(s) URL or a path starting with '/'");
        }
    }

    private static void AllowedOrigins(ValidationCollector v, List<string>? origins)
    {
        if (origins is null)
        {
            v.Add("challenge.allowed_origins", "must be a list (it may be empty)");
            return;
        }

        if (origins.Count > ResourceLimits.MaxAllowedOrigins)
        {
            v.Add("challenge.allowed_origins", $"at most {ResourceLimits.MaxAllowedOrigins} origins");
        }

        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            var ok = origin is { Length: > 0 and <= 300 }
                && (origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
                && !origin.TrimEnd('/').AsSpan(origin.IndexOf("://", StringComparison.Ordinal) + 3).ContainsAny('/', '\\', '@');
            if (!ok)
            {
                v.Add($"challenge.allowed_origins[{i}]", "must be an origin such as https://shop.example (scheme, host and optional port only)");
            }
        }
    }
}
