using Esper.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Api.Tests.Settings;

public sealed class EsperSettingsTests
{
    // Two stand-in stores: what the reader does with a store's own settings is the store's business.
    private static readonly StoreChoice Cloud = new("cloud", static (read, errors) =>
    {
        if (read("CLOUD_TABLE") is null)
        {
            errors.Add("CLOUD_TABLE must be set.");
            return null;
        }

        return static services => services.AddSingleton("cloud-store");
    });

    private static readonly StoreChoice[] Stores = [Cloud, Esper.Storage.Sqlite.SqliteStoreSettings.Choice];

    [Fact]
    public void Unset_settings_take_their_documented_defaults()
    {
        var settings = Read(new() { ["CLOUD_TABLE"] = "t" });

        Assert.Equal("cloud", settings.Store);
        Assert.Null(settings.OperatorToken);
        Assert.Null(settings.BootstrapAdminKey);
        Assert.Equal(1200, settings.RateLimitPerMinute);
        Assert.Equal(0, settings.ConfigCheckSeconds);
        Assert.Equal(RecordingMode.AfterAnswer, settings.Recording);
        Assert.Null(settings.Challenge.PublicUrl);
        Assert.Equal(RecordingMode.BeforeAnswer, Read(new() { ["ESPER_STORE"] = "sqlite" }).Recording);
    }

    [Fact]
    public void Every_shared_setting_reaches_the_handler_options()
    {
        var values = new Dictionary<string, string>
        {
            ["CLOUD_TABLE"] = "t",
            ["ESPER_OPERATOR_TOKEN"] = " op-token ",
            ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0",
            ["ESPER_CONFIG_CHECK_SECONDS"] = "5",
            ["ESPER_RECORDING"] = "before_answer",
        };
        var options = new EsperApiOptions();

        Read(values).ApplyTo(options);

        Assert.Equal("op-token", options.OperatorToken);
        Assert.Equal(0, options.RateLimitPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConfigCheckInterval);
        Assert.Equal(RecordingMode.BeforeAnswer, options.Recording);
    }

    [Fact]
    public void The_chosen_store_and_the_challenge_settings_are_registered_with_the_handlers()
    {
        var settings = Read(new() { ["CLOUD_TABLE"] = "t", ["ESPER_PUBLIC_URL"] = "https://esper.example.com" });
        var services = new ServiceCollection();

        services.AddEsperApi(settings);

        Assert.Contains(services, d => d.ServiceType == typeof(string) && Equals(d.ImplementationInstance, "cloud-store"));
        Assert.Same(settings.Challenge, services.Single(d => d.ServiceType == typeof(Esper.Api.Challenge.ChallengeSettings)).ImplementationInstance);
        Assert.Equal(new Uri("https://esper.example.com"), settings.Challenge.PublicUrl);
    }

    [Theory]
    [InlineData("ESPER_RATE_LIMIT_PER_MINUTE", "lots")]
    [InlineData("ESPER_RATE_LIMIT_PER_MINUTE", "-1")]
    [InlineData("ESPER_CONFIG_CHECK_SECONDS", "soon")]
    [InlineData("ESPER_RECORDING", "eventually")]
    [InlineData("ESPER_STORE", "cassandra")]
    public void A_value_a_setting_cannot_take_is_refused_with_the_setting_named(string name, string value)
    {
        var error = Assert.Single(Errors(new() { ["CLOUD_TABLE"] = "t", [name] = value }));

        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refused_setting_is_reported_at_once_with_store_errors_naming_the_store()
    {
        var errors = Errors(new() { ["ESPER_CONFIG_CHECK_SECONDS"] = "soon", ["ESPER_POW_DIFFICULTY"] = "hard" });

        Assert.Equal(["ESPER_STORE=cloud: CLOUD_TABLE must be set.", "ESPER_CONFIG_CHECK_SECONDS must be a whole number of seconds, not 'soon'."], errors.Take(2));
        Assert.Contains("ESPER_POW_DIFFICULTY", errors[2], StringComparison.Ordinal);
        Assert.Equal(3, errors.Count);
    }

    private static EsperSettings Read(Dictionary<string, string> values)
    {
        var settings = EsperSettings.Read(values.GetValueOrDefault, Stores, out var errors);
        Assert.Empty(errors);
        return settings!;
    }

    private static IReadOnlyList<string> Errors(Dictionary<string, string> values)
    {
        Assert.Null(EsperSettings.Read(values.GetValueOrDefault, Stores, out var errors));
        return errors;
    }
}
