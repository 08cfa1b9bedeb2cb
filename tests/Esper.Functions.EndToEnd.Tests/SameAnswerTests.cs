using System.Text.Json.Nodes;

namespace Esper.Functions.EndToEnd.Tests;

/// <summary>
/// The local host and the Azure app translate ASP.NET Core requests through one adapter, so the same request gets
/// the same bytes back from both, down to how a capped body and a repeated header reach the shared handler.
/// </summary>
public sealed class SameAnswerTests : IAsyncLifetime
{
    private ThreeHosts _hosts = null!;

    public async Task InitializeAsync() => _hosts = await ThreeHosts.StartOnSqliteAsync();

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    [Fact]
    public async Task An_oversized_body_gets_the_same_413_from_both_hosts()
    {
        var big = "{\"request\":{\"path\":\"/\",\"user_agent\":\"" + new string('a', 1_100_000) + "\"}}";

        var host = await _hosts.HostAnswerAsync("POST", "/api/v1/runtime/mitigation", big);
        var azure = await _hosts.AzureAnswerAsync("POST", "/api/v1/runtime/mitigation", [], big);

        Assert.Equal(413, host.Status);
        Assert.Equal("application/problem+json", host.ContentType);
        Assert.Contains("larger than the limit of 1048576 bytes", host.Body, StringComparison.Ordinal);
        Assert.Equal(host, azure);
    }

    [Fact]
    public async Task A_repeated_header_reaches_the_handler_joined_alike_from_both_hosts()
    {
        await SameDecisionTests.ConfigureThroughTheLocalHostAsync(_hosts);
        // The 412 quotes If-Match as the handler saw it, so it shows how the two header lines were joined.
        KeyValuePair<string, string>[] ifMatch = [new("If-Match", "\"stale-1\""), new("If-Match", "\"stale-2\"")];

        var host = await _hosts.HostRawAsync("DELETE", "/api/v1/mitigations/block-10m", ifMatch);
        var azure = await _hosts.AzureAnswerAsync("DELETE", "/api/v1/mitigations/block-10m", ifMatch);

        Assert.Equal(412, host.Status);
        Assert.StartsWith("If-Match \"stale-1\", \"stale-2\" does not match", (string?)JsonNode.Parse(host.Body)!["detail"], StringComparison.Ordinal);
        Assert.Equal(host, azure);
    }
}
