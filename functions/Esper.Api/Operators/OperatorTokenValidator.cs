using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esper.Api.Operators;

/// <summary>
/// Validates operator bearer tokens: signature (the configured key, the JWKS keys, or the development secret),
/// issuer, audience, lifetime within <see cref="OperatorAuthOptions.ClockSkew"/> on the injected clock, and a
/// <c>sub</c> claim. Any failure is null (the caller answers 401); the token itself is never logged.
/// </summary>
internal sealed partial class OperatorTokenValidator(OperatorAuthOptions options, JwksKeySource jwks, TimeProvider time, ILogger<OperatorTokenValidator> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = 16 * 1024 };
    private readonly SecurityKey? _configuredKey = ConfiguredKey(options.SigningKey);

    /// <summary>True when the bearer value has a JWT's shape (three dot-separated parts), so it is not an API key.</summary>
    public static bool LooksLikeJwt(string bearer) => bearer.Count(static c => c == '.') == 2 && bearer.StartsWith("eyJ", StringComparison.Ordinal);

    public async ValueTask<OperatorIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!options.Enabled || !_handler.CanReadToken(token))
        {
            return null;
        }

        JsonWebToken parsed;
        try
        {
            parsed = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var parameters = await ParametersAsync(parsed, cancellationToken).ConfigureAwait(false);
        if (parameters is null)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var reason = result.Exception is { } failure ? failure.GetType().Name : "unknown";
                LogRejected(logger, reason);
            }

            return null;
        }

        return result.Claims.TryGetValue("sub", out var sub) && sub is string { Length: > 0 and <= 200 } userId ? new OperatorIdentity(userId) : null;
    }

    private async ValueTask<TokenValidationParameters?> ParametersAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        if (options.DevSecret is { } dev && token.Issuer == DevTokens.Issuer)
        {
            return Parameters(DevTokens.Issuer, DevTokens.Issuer, [DevTokens.Key(dev)]);
        }

        var keys = new List<SecurityKey>();
        if (_configuredKey is not null)
        {
            keys.Add(_configuredKey);
        }

        if (options.JwksUrl is not null)
        {
            keys.AddRange(await jwks.GetAsync(token.Kid is { Length: > 0 } kid ? kid : null, cancellationToken).ConfigureAwait(false));
        }

        return keys.Count == 0 || options.Issuer is null || options.Audience is null ? null : Parameters(options.Issuer, options.Audience, keys);
    }

    private TokenValidationParameters Parameters(string issuer, string audience, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        IssuerSigningKeys = keys,
        ClockSkew = options.ClockSkew,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        TryAllIssuerSigningKeys = true,
        // The lifetime is checked on the injected clock, so expiry is testable without waiting.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } exp && now <= exp + options.ClockSkew && (notBefore is not { } nbf || now >= nbf - options.ClockSkew);
        },
    };

    private static SecurityKey? ConfiguredKey(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return DevTokens.Key(text);
        }

        var ec = System.Security.Cryptography.ECDsa.Create();
        try
        {
            ec.ImportFromPem(text);
            return new ECDsaSecurityKey(ec);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            ec.Dispose();
        }

        var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(text);
        return new RsaSecurityKey(rsa);
    }

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "An operator token was rejected ({Reason})")]
    private static partial void LogRejected(ILogger logger, string reason);
}
