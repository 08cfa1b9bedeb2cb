using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Config;

public sealed class ConfigCrudTests
{
    [Fact]
    public async Task Create_returns_201_with_id_etag_and_location_and_get_reads_it_back()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var created = await client.PostAsync("/api/v1/mitigations", """{"name":"Slow down","mode":"challenge"}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Str("id");
        Assert.False(string.IsNullOrEmpty(created.Header("ETag")));
        Assert.Equal($"/api/v1/mitigations/{id}", created.Headers.Location?.OriginalString);
        var read = await client.GetAsync($"/api/v1/mitigations/{id}");
        Assert.Equal("Slow down", read.Str("name"));
        Assert.Equal(created.Header("ETag"), read.Header("ETag"));
        var list = await client.GetAsync("/api/v1/mitigations");
        Assert.Contains(list.Body.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_gets_412_and_changes_nothing()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var created = await client.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation);
        var etag = created.Header("ETag")!;
        var updated = await client.PutAsync("/api/v1/mitigations/block-5m", """{"name":"Block ten minutes","mode":"block","duration_seconds":600}""", etag);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.NotEqual(etag, updated.Header("ETag"));

        var stale = await client.PutAsync("/api/v1/mitigations/block-5m", """{"name":"Stale","mode":"monitor"}""", etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal("application/problem+json", stale.ContentType);
        Assert.Equal("Block ten minutes", (await client.GetAsync("/api/v1/mitigations/block-5m")).Str("name"));
    }

    [Fact]
    public async Task Patch_merges_fields_and_a_null_removes_one()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/mitigations", """{"id":"m1","name":"One","description":"first","mode":"block","duration_seconds":60}""");
        var etag = (await client.GetAsync("/api/v1/mitigations/m1")).Header("ETag");

        var patched = await client.PatchAsync("/api/v1/mitigations/m1", """{"duration_seconds":120,"description":null}""", etag);

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(120, patched.Body.GetProperty("duration_seconds").GetInt64());
        Assert.Equal("One", patched.Str("name"));
        Assert.False(patched.Body.TryGetProperty("description", out _));
        var stale = await client.PatchAsync("/api/v1/mitigations/m1", """{"name":"x"}""", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
    }

    [Fact]
    public async Task Invalid_expression_is_rejected_with_the_field_and_position()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/actions", """{"id":"login","name":"Login","expression":"request.path == == \"/login\""}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("expression", result.Str("field"));
        Assert.True(result.Body.TryGetProperty("position", out var position));
        Assert.True(position.GetInt32() >= 0);
    }

    [Fact]
    public async Task Policy_naming_a_missing_mitigation_is_rejected_naming_the_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("p", "nope"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("clauses[0].mitigation_id", result.Str("field"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policies/p")).Status);
    }

    [Fact]
    public async Task Unknown_enum_value_is_rejected_naming_the_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/mitigations", """{"name":"Odd","mode":"explode"}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("mode", result.Str("field"));
    }

    [Fact]
    public async Task Wrong_type_in_a_resource_is_rejected_naming_the_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/mitigations", """{"name":"Odd","mode":"block","duration_seconds":"long"}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("duration_seconds", result.Str("field"));
    }

    [Fact]
    public async Task Deleting_a_mitigation_a_policy_uses_is_refused_until_the_policy_is_gone()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);

        var refused = await client.DeleteAsync("/api/v1/mitigations/block-5m");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("burst", refused.Str("detail"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/policies/burst")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/mitigations/block-5m")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/mitigations/block-5m")).Status);
    }

    [Fact]
    public async Task Config_change_takes_effect_on_the_next_decision()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation);
        var policy = await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("p", "block-5m", status: "disabled"));
        Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));

        await client.PatchAsync("/api/v1/policies/p", """{"status":"active"}""", policy.Header("ETag"));

        Assert.Equal("block", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }

    [Fact]
    public async Task Bundled_entities_are_listed_for_a_new_tenant()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var entities = await client.GetAsync("/api/v1/entities");

        var ids = entities.Body.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("ip-user-agent", ids);
        Assert.Contains("bot-crawlers", ids);
    }
}
