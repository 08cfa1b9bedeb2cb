namespace Esper.Api.Tests.Settings;

public sealed class EsperSettingsTests
{
    [Fact]
    public void Unset_settings_take_their_documented_defaults()
    {
        var settings = EsperSettings.Read(_ => null, "dynamodb");

        Assert.Null(settings.OperatorToken);
        Assert.Null(settings.BootstrapAdminKey);
        Assert.Equal(1200, settings.RateLimitPerMinute);
        Assert.Equal(0, settings.ConfigCheckSeconds);
        Assert.Equal(RecordingMode.AfterAnswer, settings.Recording);
        Assert.Equal(RecordingMode.BeforeAnswer, EsperSettings.Read(_ => null, "sqlite").Recording);
    }

    [Fact]
    public void Every_shared_setting_reaches_the_handler_options()
    {
        var values = new Dictionary<string, string>
        {
            ["ESPER_OPERATOR_TOKEN"] = " op-token ",
            ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0",
            ["ESPER_CONFIG_CHECK_SECONDS"] = "5",
            ["ESPER_RECORDING"] = "before_answer",
        };
        var options = new EsperApiOptions();

        EsperSettings.Read(values.GetValueOrDefault, "azuretables").ApplyTo(options);

        Assert.Equal("op-token", options.OperatorToken);
        Assert.Equal(0, options.RateLimitPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConfigCheckInterval);
        Assert.Equal(RecordingMode.BeforeAnswer, options.Recording);
    }

    [Theory]
    [InlineData("ESPER_RATE_LIMIT_PER_MINUTE", "lots")]
    [InlineData("ESPER_RATE_LIMIT_PER_MINUTE", "-1")]
    [InlineData("ESPER_CONFIG_CHECK_SECONDS", "soon")]
    [InlineData("ESPER_RECORDING", "eventually")]
    public void A_value_a_setting_cannot_take_is_refused_with_the_setting_named(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => EsperSettings.Read(n => n == name ? value : null, "sqlite"));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
