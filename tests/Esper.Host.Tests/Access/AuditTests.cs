using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Access;

public sealed class AuditTests
{
    [Fact]
    public async Task Every_config_and_key_change_is_audited_with_key_resource_and_change()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var keyId = (await client.GetAsync("/api/v1/api-keys")).Body.GetProperty("items")[0].GetProperty("id").GetString();
        var created = await client.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation);
        await client.PatchAsync("/api/v1/mitigations/block-5m", """{"duration_seconds":60}""");
        await client.DeleteAsync("/api/v1/mitigations/block-5m");
        var key = await client.PostAsync("/api/v1/api-keys", """{"name":"k"}""");
        await client.DeleteAsync($"/api/v1/api-keys/{key.Str("id")}");
        await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        var audit = await client.GetAsync("/api/v1/audit");

        var entries = audit.Body.GetProperty("items").EnumerateArray()
            .Select(e => (Resource: e.GetProperty("resource").GetString(), Id: e.GetProperty("resource_id").GetString(), Change: e.GetProperty("change").GetString(), Key: e.TryGetProperty("key_id", out var k) ? k.GetString() : null))
            .ToList();
        Assert.Contains(("mitigation", "block-5m", "created", keyId), entries);
        Assert.Contains(("mitigation", "block-5m", "patched", keyId), entries);
        Assert.Contains(("mitigation", "block-5m", "deleted", keyId), entries);
        Assert.Contains(("api_key", key.Str("id"), "created", keyId), entries);
        Assert.Contains(("api_key", key.Str("id"), "revoked", keyId), entries);
        Assert.DoesNotContain(entries, e => e.Resource == "decision");
        Assert.All(audit.Body.GetProperty("items").EnumerateArray(), e => Assert.True(e.TryGetProperty("at", out _)));
        Assert.NotNull(created.Header("ETag"));
    }
}
