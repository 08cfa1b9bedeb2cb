using Esper.Host.Tests.Support;
using Esper.Testing;

namespace Esper.Host.Tests.Processes;

public sealed class DevIssuerWarningTests
{
    [Fact]
    public async Task A_host_with_the_development_issuer_warns_at_start_that_it_is_not_for_production()
    {
        using var host = await EsperHostProcess.StartAsync(new HostProcessStart
        {
            AdminKey = EsperHost.AdminKey,
            Settings = new Dictionary<string, string> { ["ESPER_JWT_DEV_SECRET"] = new string('d', 32) },
        });

        // The line is written before the host listens; its copy may still be on the way from the output pipe.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Output.Any(IsWarning) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains(host.Output, IsWarning);
    }

    [Fact]
    public async Task A_host_without_the_development_issuer_does_not_warn_about_it()
    {
        using var host = await EsperHostProcess.StartAsync(new HostProcessStart { AdminKey = EsperHost.AdminKey });

        Assert.DoesNotContain(host.Output, line => line.Contains("ESPER_JWT_DEV_SECRET", StringComparison.Ordinal));
    }

    private static bool IsWarning(string line) =>
        line.Contains("ESPER_JWT_DEV_SECRET", StringComparison.Ordinal) && line.Contains("must not be used in production", StringComparison.Ordinal);
}
