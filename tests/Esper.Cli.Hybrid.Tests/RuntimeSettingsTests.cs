using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

public sealed class RuntimeSettingsTests
{
    [Fact]
    public void A_missing_file_is_written_with_commented_defaults_that_read_back_valid()
    {
        var path = Path.Combine(Paths.TempDirectory(), "runtime.xml");

        var written = RuntimeSettings.Load(path);
        var read = RuntimeSettings.Load(path);

        var text = File.ReadAllText(path);
        Assert.Contains("<!-- Enforcing proxies", text, StringComparison.Ordinal);
        Assert.Contains("<!-- <proxy><listen>http://127.0.0.1:8080</listen>", text, StringComparison.Ordinal);
        Assert.Empty(written.Validate());
        Assert.Empty(read.Validate());
        Assert.Equal("http://127.0.0.1:8787", read.Listen);
        Assert.Empty(read.Proxies);
    }

    [Fact]
    public void Proxy_elements_are_read_as_listen_and_upstream_pairs()
    {
        var settings = Read("""
            <runtime>
              <proxy><listen>http://127.0.0.1:8080</listen><upstream>http://127.0.0.1:3000</upstream></proxy>
              <proxy><listen> http://localhost:8081 </listen><upstream>https://app.internal:8443/</upstream></proxy>
            </runtime>
            """);

        Assert.Empty(settings.Validate());
        Assert.Equal(["http://127.0.0.1:8080 -> http://127.0.0.1:3000/", "http://localhost:8081 -> https://app.internal:8443/"],
            settings.Proxies.Select(static p => $"{p.ListenText} -> {p.Upstream}"));
    }

    [Fact]
    public void A_proxy_that_listens_off_loopback_is_refused_naming_the_element()
    {
        var settings = Read("<runtime><proxy><listen>http://0.0.0.0:8080</listen><upstream>http://127.0.0.1:3000</upstream></proxy></runtime>");

        var error = Assert.Single(settings.Validate());

        Assert.StartsWith("<proxy> #1: the listen side must be an http:// loopback address", error, StringComparison.Ordinal);
        Assert.Empty(settings.Proxies);
    }

    [Fact]
    public void A_proxy_without_an_upstream_is_refused_naming_the_element()
    {
        var settings = Read("<runtime><proxy><listen>http://127.0.0.1:8080</listen></proxy></runtime>");

        Assert.Equal(["<proxy> #1 needs a <listen> and an <upstream> element"], settings.Validate());
    }

    [Fact]
    public void A_proxy_on_the_decision_port_or_on_another_proxys_port_is_refused()
    {
        var settings = Read("""
            <runtime>
              <listen>http://127.0.0.1:9000</listen>
              <proxy><listen>http://127.0.0.1:9000</listen><upstream>http://127.0.0.1:3000</upstream></proxy>
              <proxy><listen>http://127.0.0.1:9001</listen><upstream>http://127.0.0.1:3000</upstream></proxy>
              <proxy><listen>http://127.0.0.1:9001</listen><upstream>http://127.0.0.1:3001</upstream></proxy>
            </runtime>
            """);

        var errors = settings.Validate();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("<proxy> #1: port 9000 is already used", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("<proxy> #3: port 9001 is already used", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_is_listed_by_its_element()
    {
        var settings = Read("<runtime><sync_interval_seconds>often</sync_interval_seconds><forward_batch_size>500</forward_batch_size></runtime>");

        Assert.Equal(["<sync_interval_seconds> must be a whole number, not 'often'", "<forward_batch_size> must be from 1 to 100"], settings.Validate());
    }

    [Fact]
    public void A_file_that_is_not_xml_is_reported_not_thrown()
    {
        var settings = Read("<runtime><listen>http://127.0.0.1:1</listen>");

        Assert.StartsWith("not well-formed XML", Assert.Single(settings.Validate()), StringComparison.Ordinal);
    }

    private static RuntimeSettings Read(string xml)
    {
        var path = Path.Combine(Paths.TempDirectory(), "runtime.xml");
        File.WriteAllText(path, xml);
        return RuntimeSettings.Load(path);
    }
}
