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
}
