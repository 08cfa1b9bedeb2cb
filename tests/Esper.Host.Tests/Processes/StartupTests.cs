using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Processes;

public sealed class StartupTests
{
    [Fact]
    public async Task Two_hosts_starting_together_on_a_fresh_store_both_serve_the_bootstrap_key()
    {
        var dataDir = TempDir.Create();

        Task<HostProcess>[] starts = [HostProcess.StartAsync(dataDir), HostProcess.StartAsync(dataDir)];
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            // When one host fails to start, stop the one that did, so a failure leaves no process behind.
            foreach (var started in starts.Where(t => t.IsCompletedSuccessfully))
            {
                (await started).Dispose();
            }

            throw;
        }

        using var first = await starts[0];
        using var second = await starts[1];
        using var a = first.Client();
        using var b = second.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await a.GetAsync("/api/v1/entities")).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await b.GetAsync("/api/v1/entities")).Status);
        Assert.Single((await a.GetAsync("/api/v1/api-keys")).Body.GetProperty("items").EnumerateArray());
    }
}
