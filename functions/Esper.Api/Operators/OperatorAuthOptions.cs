namespace Esper.Api.Operators;

/// <summary>
/// How operator bearer tokens (JWTs from the operators' identity provider) are validated. Operator sign-in is off
/// while neither <see cref="SigningKey"/>, <see cref="JwksUrl"/> nor <see cref="DevSecret"/> is set (the default);
/// API keys work either way. docs/operators.md describes each setting.
/// </summary>
public sealed class OperatorAuthOptions
{
    /// <summary>The required <c>iss</c> claim (<c>ESPER_JWT_ISSUER</c>). Required with a signing key or JWKS URL. Default null.</summary>
    public string? Issuer { get; set; }

    /// <summary>The required <c>aud</c> claim (<c>ESPER_JWT_AUDIENCE</c>). Required with a signing key or JWKS URL. Default null.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// A configured key (<c>ESPER_JWT_SIGNING_KEY</c>): a PEM public key (RSA or EC) for asymmetric tokens, or a shared
    /// secret of at least 32 characters for HS256. Default null.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The identity provider's JWKS document (<c>ESPER_JWT_JWKS_URL</c>): https, or http on a loopback address. Default null.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>Tolerance for the token's <c>exp</c> and <c>nbf</c> against this host's clock (<c>ESPER_JWT_CLOCK_SKEW_SECONDS</c>). Default 60 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long fetched JWKS keys are used before they are fetched again; an unknown <c>kid</c> refetches sooner (at most every 30 s). Default 1 h.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The local development issuer (<c>ESPER_JWT_DEV_SECRET</c>): HS256 tokens with issuer and audience
    /// <c>esper-dev</c> signed with this secret (at least 32 characters) are accepted, as <see cref="DevTokens.Create"/>
    /// makes them. For development and tests only; never on by default. Default null.
    /// </summary>
    public string? DevSecret { get; set; }

    /// <summary>True when any way of validating operator tokens is configured.</summary>
    public bool Enabled => SigningKey is not null || JwksUrl is not null || DevSecret is not null;

    /// <summary>Every problem with these settings, naming each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if ((SigningKey is not null || JwksUrl is not null) && (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience)))
        {
            problems.Add("ESPER_JWT_ISSUER and ESPER_JWT_AUDIENCE are required with ESPER_JWT_SIGNING_KEY or ESPER_JWT_JWKS_URL.");
        }

        if (SigningKey is { } key && !key.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) && key.Length < 32)
        {
            problems.Add("ESPER_JWT_SIGNING_KEY must be a PEM public key or a shared secret of at least 32 characters.");
        }

        if (JwksUrl is { } url && !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            problems.Add("ESPER_JWT_JWKS_URL must be an https URL (or http on a loopback address).");
        }

        if (DevSecret is { Length: < 32 })
        {
            problems.Add("ESPER_JWT_DEV_SECRET must be at least 32 characters.");
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            problems.Add("ESPER_JWT_CLOCK_SKEW_SECONDS must be from 0 to 600.");
        }

        return problems;
    }
}
