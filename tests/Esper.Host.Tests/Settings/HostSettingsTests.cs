using Microsoft.Extensions.Configuration;

namespace Esper.Host.Tests.Settings;

public sealed class HostSettingsTests
{
    [Fact]
    public void Config_check_reads_the_version_on_every_decision_unless_told_otherwise()
    {
        Assert.Equal(0, HostSettings.From(Configuration()).Api.ConfigCheckSeconds);
        Assert.Equal(5, HostSettings.From(Configuration(("ESPER_CONFIG_CHECK_SECONDS", "5"))).Api.ConfigCheckSeconds);
    }

    [Fact]
    public void A_config_check_that_is_not_a_whole_number_stops_the_host_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostSettings.From(Configuration(("ESPER_CONFIG_CHECK_SECONDS", "soon"))));

        Assert.Contains("ESPER_CONFIG_CHECK_SECONDS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", null, Esper.Api.RecordingMode.BeforeAnswer)]
    [InlineData("dynamodb", null, Esper.Api.RecordingMode.AfterAnswer)]
    [InlineData("azuretables", null, Esper.Api.RecordingMode.AfterAnswer)]
    [InlineData("sqlite", "after_answer", Esper.Api.RecordingMode.AfterAnswer)]
    [InlineData("dynamodb", " Before_Answer ", Esper.Api.RecordingMode.BeforeAnswer)]
    public void Recording_follows_the_store_unless_set(string store, string? setting, Esper.Api.RecordingMode expected)
    {
        var values = setting is null ? [("ESPER_STORE", store)] : new[] { ("ESPER_STORE", store), ("ESPER_RECORDING", setting) };

        Assert.Equal(expected, HostSettings.From(Configuration(values)).Api.Recording);
    }

    [Fact]
    public void A_recording_mode_that_does_not_exist_stops_the_host_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostSettings.From(Configuration(("ESPER_RECORDING", "later"))));

        Assert.Contains("ESPER_RECORDING", error.Message, StringComparison.Ordinal);
        Assert.Contains("after_answer", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Name, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Build();
}
