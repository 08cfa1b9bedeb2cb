using Microsoft.Extensions.Configuration;

namespace Esper.Host.Tests.Settings;

public sealed class HostSettingsTests
{
    [Fact]
    public void Config_check_reads_the_version_on_every_decision_unless_told_otherwise()
    {
        Assert.Equal(0, Read().ConfigCheckSeconds);
        Assert.Equal(5, Read(("ESPER_CONFIG_CHECK_SECONDS", "5")).ConfigCheckSeconds);
    }

    [Fact]
    public void The_embedded_store_is_the_default()
    {
        Assert.Equal("sqlite", Read().Store);
    }

    [Fact]
    public void A_config_check_that_is_not_a_whole_number_stops_the_host_with_the_setting_named()
    {
        Assert.Contains("ESPER_CONFIG_CHECK_SECONDS", Assert.Single(Errors(("ESPER_CONFIG_CHECK_SECONDS", "soon"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", null, Esper.Api.RecordingMode.BeforeAnswer)]
    [InlineData("dynamodb", null, Esper.Api.RecordingMode.AfterAnswer)]
    [InlineData("azuretables", null, Esper.Api.RecordingMode.AfterAnswer)]
    [InlineData("sqlite", "after_answer", Esper.Api.RecordingMode.AfterAnswer)]
    [InlineData("dynamodb", " Before_Answer ", Esper.Api.RecordingMode.BeforeAnswer)]
    public void Recording_follows_the_store_unless_set(string store, string? setting, Esper.Api.RecordingMode expected)
    {
        (string, string)[] cloud = [("ESPER_DYNAMODB_TABLE", "esper"), ("AWS_REGION", "eu-west-1"), ("ESPER_AZURE_TABLES_TABLE", "esper"), ("ESPER_AZURE_TABLES_CONNECTION_STRING", "UseDevelopmentStorage=true")];
        var values = setting is null ? [("ESPER_STORE", store)] : new[] { ("ESPER_STORE", store), ("ESPER_RECORDING", setting) };

        Assert.Equal(expected, Read([.. values, .. cloud]).Recording);
    }

    [Fact]
    public void A_recording_mode_that_does_not_exist_stops_the_host_with_the_setting_named()
    {
        var error = Assert.Single(Errors(("ESPER_RECORDING", "later")));

        Assert.Contains("ESPER_RECORDING", error, StringComparison.Ordinal);
        Assert.Contains("after_answer", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refused_setting_is_reported_at_once()
    {
        var errors = Errors(("ESPER_STORE", "dynamodb"), ("ESPER_RATE_LIMIT_PER_MINUTE", "lots"), ("ESPER_PUBLIC_URL", "ftp://example.com"));

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("ESPER_STORE=dynamodb: ESPER_DYNAMODB_TABLE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ESPER_STORE=dynamodb: ESPER_DYNAMODB_REGION", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ESPER_RATE_LIMIT_PER_MINUTE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ESPER_PUBLIC_URL", StringComparison.Ordinal));
    }

    private static Esper.Api.EsperSettings Read(params (string Name, string Value)[] values)
    {
        var settings = HostSettings.Read(Configuration(values), out var errors);
        Assert.Empty(errors);
        return settings!;
    }

    private static IReadOnlyList<string> Errors(params (string Name, string Value)[] values)
    {
        Assert.Null(HostSettings.Read(Configuration(values), out var errors));
        return errors;
    }

    private static IConfiguration Configuration(params (string Name, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Build();
}
