using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Hybrid;

public sealed class HybridConfigTests
{
    [Fact]
    public async Task Runtime_key_reads_the_whole_config_with_its_version_as_etag()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        await Scenario.CreateBlockWindowAsync(admin);
        using var runtime = host.Client(await RuntimeKeyAsync(admin));

        var snapshot = await runtime.GetAsync("/api/v1/hybrid/config");

        Assert.Equal(HttpStatusCode.OK, snapshot.Status);
        Assert.Equal($"\"cfg-{snapshot.Str("version")}\"", snapshot.Header("ETag"));
        Assert.Equal("block-5m", snapshot.Body.GetProperty("mitigations")[0].GetProperty("id").GetString());
        Assert.Equal("burst", snapshot.Body.GetProperty("policies")[0].GetProperty("id").GetString());
        Assert.Equal(0, snapshot.Body.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task Matching_if_none_match_answers_304_until_the_config_changes()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        await Scenario.CreateBlockWindowAsync(admin);
        using var runtime = host.Client(await RuntimeKeyAsync(admin));
        var etag = (await runtime.GetAsync("/api/v1/hybrid/config")).Header("ETag")!;

        var unchanged = await runtime.SendAsync(HttpMethod.Get, "/api/v1/hybrid/config", null, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));
        await admin.PostAsync("/api/v1/actions", """{"id":"login","name":"Login","expression":"request.path == \"/login\""}""");
        var changed = await runtime.SendAsync(HttpMethod.Get, "/api/v1/hybrid/config", null, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));

        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal(etag, unchanged.Header("ETag"));
        Assert.Equal(string.Empty, unchanged.Text);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(etag, changed.Header("ETag"));
        Assert.Equal("login", changed.Body.GetProperty("actions")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Config_snapshot_needs_a_key()
    {
        using var host = EsperHost.Start();
        using var anonymous = host.Client(key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/hybrid/config")).Status);
    }

    internal static async Task<string> RuntimeKeyAsync(EsperClient admin) =>
        (await admin.PostAsync("/api/v1/api-keys", """{"name":"hybrid","scope":"runtime"}""")).Str("secret");
}
