using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Processes;

public sealed class StartupTests
{
    [Fact]
    public async Task Of_two_hosts_starting_together_on_a_fresh_store_one_serves_the_bootstrap_key_and_the_other_refuses()
    {
        var dataDir = TempDir.Create();

        Task<HostProcess>[] starts = [HostProcess.StartAsync(dataDir), HostProcess.StartAsync(dataDir)];
        try
        {
            await Task.WhenAll(starts);
        }
        catch (InvalidOperationException)
        {
            // Expected for exactly one of them; checked below.
        }

        var started = new List<HostProcess>();
        foreach (var start in starts.Where(static t => t.IsCompletedSuccessfully))
        {
            started.Add(await start);
        }

        try
        {
            var refused = Assert.Single(starts, static t => t.IsFaulted).Exception!.InnerException!;
            Assert.Contains("exited with code 2", refused.Message, StringComparison.Ordinal);
            Assert.Contains("already open in another Esper process", refused.Message, StringComparison.Ordinal);

            using var client = Assert.Single(started).Client();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/entities")).Status);
            Assert.Single((await client.GetAsync("/api/v1/api-keys")).Body.GetProperty("items").EnumerateArray());
        }
        finally
        {
            foreach (var host in started)
            {
                host.Dispose();
            }
        }
    }
}
