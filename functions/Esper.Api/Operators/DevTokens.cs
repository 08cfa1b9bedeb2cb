using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esper.Api.Operators;

/// <summary>
/// Tokens of the local development issuer (<see cref="OperatorAuthOptions.DevSecret"/>), for development and tests:
/// a host started with <c>ESPER_JWT_DEV_SECRET</c> accepts them as operator sign-ins.
/// </summary>
public static class DevTokens
{
    /// <summary>The issuer and audience of development tokens.</summary>
    public const string Issuer = "esper-dev";

    /// <summary>Makes an HS256 token for <paramref name="userId"/> valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public static string Create(string secret, string userId, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", userId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key(secret), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    internal static SymmetricSecurityKey Key(string secret) => new(Encoding.UTF8.GetBytes(secret));
}
