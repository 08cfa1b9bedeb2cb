using Microsoft.Extensions.Configuration;

namespace Esper.Host.Tests.Settings;

public sealed class HostSettingsTests
{
    [Fact]
    public void Config_check_reads_the_version_on_every_decision_unless_told_otherwise()
    {
        Assert.Equal(0, HostSettings.From(Configuration()).ConfigCheckSeconds);
        Assert.Equal(5, HostSettings.From(Configuration(("ESPER_CONFIG_CHECK_SECONDS", "5"))).ConfigCheckSeconds);
    }

    [Fact]
    public void A_config_check_that_is_not_a_whole_number_stops_the_host_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostSettings.From(Configuration(("ESPER_CONFIG_CHECK_SECONDS", "soon"))));

        Assert.Contains("ESPER_CONFIG_CHECK_SECONDS", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Name, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Build();
}
