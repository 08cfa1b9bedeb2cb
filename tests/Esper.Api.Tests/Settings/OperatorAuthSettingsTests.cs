using Esper.Storage.Sqlite;

namespace Esper.Api.Tests.Settings;

public sealed class OperatorAuthSettingsTests
{
    [Fact]
    public void Operator_sign_in_is_off_unless_a_key_a_jwks_url_or_the_dev_secret_is_set()
    {
        var settings = EsperSettings.Read(_ => null, [SqliteStoreSettings.Choice], out var errors)!;

        Assert.Empty(errors);
        Assert.False(settings.OperatorAuth.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.OperatorAuth.ClockSkew);
    }

    [Fact]
    public void Jwt_settings_reach_the_handler_options()
    {
        var values = new Dictionary<string, string>
        {
            ["ESPER_JWT_ISSUER"] = "https://idp.example/",
            ["ESPER_JWT_AUDIENCE"] = "esper",
            ["ESPER_JWT_JWKS_URL"] = "https://idp.example/jwks.json",
            ["ESPER_JWT_CLOCK_SKEW_SECONDS"] = "5",
        };
        var settings = EsperSettings.Read(n => values.GetValueOrDefault(n), [SqliteStoreSettings.Choice], out _)!;
        var options = new EsperApiOptions();

        settings.ApplyTo(options);

        Assert.True(options.OperatorAuth.Enabled);
        Assert.Equal("https://idp.example/", options.OperatorAuth.Issuer);
        Assert.Equal(new Uri("https://idp.example/jwks.json"), options.OperatorAuth.JwksUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), options.OperatorAuth.ClockSkew);
    }

    [Fact]
    public void Refused_jwt_settings_are_each_named()
    {
        var values = new Dictionary<string, string>
        {
            ["ESPER_JWT_JWKS_URL"] = "http://idp.example/jwks.json",
            ["ESPER_JWT_DEV_SECRET"] = "short",
            ["ESPER_JWT_CLOCK_SKEW_SECONDS"] = "9999",
        };

        var settings = EsperSettings.Read(n => values.GetValueOrDefault(n), [SqliteStoreSettings.Choice], out var errors);

        Assert.Null(settings);
        Assert.Contains(errors, e => e.Contains("ESPER_JWT_ISSUER", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ESPER_JWT_JWKS_URL must be an https URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ESPER_JWT_DEV_SECRET", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ESPER_JWT_CLOCK_SKEW_SECONDS", StringComparison.Ordinal));
    }
}
