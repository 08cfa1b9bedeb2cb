using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esper.Api.Tests.Operators;

public sealed class ConfiguredKeyTests
{
    private const string Secret = "the-identity-providers-shared-secret-0123";

    [Fact]
    public async Task Configured_key_accepts_its_issuer_and_audience_only()
    {
        using var harness = new OperatorHarness(o =>
        {
            o.OperatorAuth.DevSecret = null;
            o.OperatorAuth.SigningKey = Secret;
            o.OperatorAuth.Issuer = "https://idp.example/";
            o.OperatorAuth.Audience = "esper";
        });
        await harness.AddMemberAsync("alice", "Viewer");
        var now = harness.Api.Time.GetUtcNow();

        var good = await harness.WithTokenAsync(Token("https://idp.example/", "esper", now), "GET", "/api/v1/policies");
        var otherAudience = await harness.WithTokenAsync(Token("https://idp.example/", "someone-else", now), "GET", "/api/v1/policies");
        var otherIssuer = await harness.WithTokenAsync(Token("https://evil.example/", "esper", now), "GET", "/api/v1/policies");
        var devToken = await harness.AsUserAsync("alice", "GET", "/api/v1/policies");

        Assert.Equal(200, good.Status);
        Assert.Equal(401, otherAudience.Status);
        Assert.Equal(401, otherIssuer.Status);
        Assert.Equal(401, devToken.Status);
    }

    private static string Token(string issuer, string audience, DateTimeOffset now) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "alice" },
            IssuedAt = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256),
        });
}
