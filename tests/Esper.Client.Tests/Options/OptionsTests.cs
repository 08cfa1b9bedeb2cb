using Esper.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Esper.Client.Tests.Options;

// Reads and writes process environment variables: the class's tests run one after another.
public sealed class OptionsTests
{
    [Fact]
    public void Missing_url_and_key_stop_start_up_naming_both_settings()
    {
        using var env = new EnvironmentScope();
        using var services = new ServiceCollection().AddEsperClient().BuildServiceProvider();

        var ex = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ESPER_API_URL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ESPER_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_fill_unset_url_and_key()
    {
        using var env = new EnvironmentScope("http://127.0.0.1:9/", "esk_default_fromenv");
        using var services = new ServiceCollection().AddEsperClient().BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        var options = services.GetRequiredService<IOptions<EsperClientOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.ApiUrl);
        Assert.Equal("esk_default_fromenv", options.ApiKey);
    }

    [Fact]
    public void Configuration_section_binds_url_key_and_timeouts_and_wins_over_the_environment()
    {
        using var env = new EnvironmentScope("http://127.0.0.1:9/", "esk_default_fromenv");
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Esper:ApiUrl"] = "https://esper.example",
            ["Esper:ApiKey"] = "esk_default_fromconfig",
            ["Esper:AttemptTimeout"] = "250",
            ["Esper:DecisionTimeout"] = "00:00:02",
        }).Build().GetSection("Esper");
        using var services = new ServiceCollection().AddEsperClient(section).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<EsperClientOptions>>().Value;

        Assert.Equal(new Uri("https://esper.example"), options.ApiUrl);
        Assert.Equal("esk_default_fromconfig", options.ApiKey);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.DecisionTimeout);
    }

    [Fact]
    public void Decision_timeout_not_above_the_attempt_timeout_is_refused()
    {
        using var env = new EnvironmentScope();
        using var services = new ServiceCollection().AddEsperClient(o =>
        {
            o.ApiUrl = new Uri("http://127.0.0.1:9");
            o.ApiKey = "k";
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.DecisionTimeout = TimeSpan.FromSeconds(1);
        }).BuildServiceProvider();

        var ex = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("DecisionTimeout", ex.Message, StringComparison.Ordinal);
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly string? _url = Environment.GetEnvironmentVariable(EsperClientOptions.ApiUrlVariable);
        private readonly string? _key = Environment.GetEnvironmentVariable(EsperClientOptions.ApiKeyVariable);

        public EnvironmentScope(string? url = null, string? key = null)
        {
            Environment.SetEnvironmentVariable(EsperClientOptions.ApiUrlVariable, url);
            Environment.SetEnvironmentVariable(EsperClientOptions.ApiKeyVariable, key);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(EsperClientOptions.ApiUrlVariable, _url);
            Environment.SetEnvironmentVariable(EsperClientOptions.ApiKeyVariable, _key);
        }
    }
}
