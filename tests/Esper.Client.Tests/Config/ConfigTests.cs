using System.Text.Json.Nodes;
using Esper.Client;
using Esper.Connectors.Testing;

namespace Esper.Client.Tests.Config;

public sealed class ConfigTests(EsperHostFixture esper) : IClassFixture<EsperHostFixture>
{
    [Fact]
    public async Task A_stale_etag_is_refused_with_412_and_the_current_one_is_accepted()
    {
        var created = await esper.Admin.Actions.CreateAsync(new EsperAction { Id = "etag", Name = "One", Expression = "request.path == \"/one\"" });
        var replaced = await esper.Admin.Actions.ReplaceAsync("etag", created.Value with { Name = "Two" }, created.ETag);

        var ex = await Assert.ThrowsAsync<EsperApiException>(() => esper.Admin.Actions.ReplaceAsync("etag", created.Value with { Name = "Three" }, created.ETag));
        var patched = await esper.Admin.Actions.PatchAsync("etag", new JsonObject { ["description"] = "patched" }, replaced.ETag);
        var read = await esper.Admin.Actions.GetAsync("etag");

        Assert.NotNull(created.ETag);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(412, ex.StatusCode);
        Assert.Equal("precondition-failed", ex.Problem.Code);
        Assert.Equal("Two", read!.Value.Name);
        Assert.Equal("patched", read.Value.Description);
        Assert.Equal(patched.ETag, read.ETag);
        Assert.Equal("request.path == \"/one\"", read.Value.Expression!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_policy_names_the_bad_field()
    {
        var ex = await Assert.ThrowsAsync<EsperApiException>(() => esper.Admin.Policies.CreateAsync(new EsperPolicy
        {
            Name = "bad",
            Clauses = [new EsperClause { MitigationId = "nope" }],
        }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("validation", ex.Problem.Code);
        Assert.Equal("clauses[0].mitigation_id", ex.Problem.Field);
    }

    [Fact]
    public async Task Every_kind_lists_gets_and_deletes_and_an_unknown_id_reads_as_null()
    {
        await esper.Admin.Entities.CreateAsync(new EsperEntity { Id = "acct", Name = "Account", KeyFields = ["fields.account"] });
        await esper.Admin.Mitigations.CreateAsync(new EsperMitigation { Id = "crud-block", Name = "Block", Mode = "block", Block = new EsperBlock(429, "slow down") });
        await esper.Admin.Policies.CreateAsync(new EsperPolicy { Id = "crud", Name = "Crud", Clauses = [new EsperClause { EntityId = "acct", MitigationId = "crud-block" }] });

        var inUse = await Assert.ThrowsAsync<EsperApiException>(() => esper.Admin.Mitigations.DeleteAsync("crud-block"));
        Assert.Equal(409, inUse.StatusCode);

        Assert.Contains(await esper.Admin.Entities.ListAsync(), e => e.Id == "acct");
        Assert.Equal(429, (await esper.Admin.Mitigations.GetAsync("crud-block"))!.Value.Block!.StatusCode);
        Assert.Equal("crud-block", (await esper.Admin.Policies.GetAsync("crud"))!.Value.Clauses[0].MitigationId);

        await esper.Admin.Policies.DeleteAsync("crud");
        await esper.Admin.Mitigations.DeleteAsync("crud-block");
        Assert.Null(await esper.Admin.Mitigations.GetAsync("crud-block"));
        Assert.DoesNotContain(await esper.Admin.Policies.ListAsync(), p => p.Id == "crud");
    }

    [Fact]
    public async Task Keys_are_created_once_with_a_secret_listed_without_it_and_revoked()
    {
        var key = await esper.Admin.CreateApiKeyAsync(new ApiKeyCreate("connector", "runtime"));
        var listed = (await esper.Admin.ListApiKeysAsync()).Single(k => k.Id == key.Id);
        await esper.Admin.RevokeApiKeyAsync(key.Id);
        var revoked = await esper.Admin.GetApiKeyAsync(key.Id);

        Assert.StartsWith("esk_default_", key.Secret, StringComparison.Ordinal);
        Assert.Null(listed.Secret);
        Assert.Equal("runtime", listed.Scope);
        Assert.NotNull(revoked.RevokedAt);
    }

    [Fact]
    public async Task Results_and_audit_report_a_policy_that_fired()
    {
        await Policies.LoginBurstAsync(esper.Admin, "results", "/results/login", threshold: 0);
        await esper.Admin.DecideAsync(new EsperEvent { Request = new EsperRequest { Method = "POST", Path = "/results/login", ClientIp = "198.51.100.7", UserAgent = "client-tests" } });

        var one = await esper.Admin.GetResultsAsync("results");
        var all = await esper.Admin.ListResultsAsync();
        var audit = await esper.Admin.ListAuditAsync(limit: 1000);

        Assert.Equal(1, one.Block);
        Assert.Equal("results", one.RecentDecisions!.Single().PolicyId);
        Assert.Contains(all, r => r.PolicyId == "results" && r.Total == 1);
        Assert.Contains(audit, a => a.Resource == "policy" && a.ResourceId == "results" && a.Change == "created");
    }
}
