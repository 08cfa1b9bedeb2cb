using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Config;

/// <summary>Config bodies refuse what a typo would silently change; messages name the real problem in plain words.</summary>
public sealed class StrictBodyTests
{
    [Theory]
    [InlineData("/api/v1/mitigations", """{"name":"Block","mdoe":"block"}""", "mdoe")]
    [InlineData("/api/v1/entities", """{"name":"By IP","key_fields":["client_ip"],"clientip":true}""", "clientip")]
    [InlineData("/api/v1/policies", """{"name":"P","clauses":[{"mitigation_id":"monitor","windw":{"seconds":60}}]}""", "clauses[0].windw")]
    [InlineData("/api/v1/api-keys", """{"name":"k","scpoe":"admin"}""", "scpoe")]
    public async Task Unknown_field_is_a_400_naming_it(string path, string body, string field)
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(field, result.Str("field"));
        Assert.Contains("the fields are", result.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_key_is_a_400_and_creates_nothing()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/mitigations", """{"id":"twice","name":"Twice","mode":"monitor","mode":"block"}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("mode", result.Str("field"));
        Assert.Contains("given twice", result.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/mitigations/twice")).Status);
    }

    [Fact]
    public async Task A_resource_read_back_can_be_written_back_unchanged()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var created = await client.PostAsync("/api/v1/policies", Scenario.WindowPolicy(mitigation: "monitor"));

        var replaced = await client.PutAsync("/api/v1/policies/burst", created.Text);

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
    }

    [Fact]
    public async Task Too_deep_nesting_says_how_deep_is_allowed()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var deep = new string('[', 40) + new string(']', 40);

        var result = await client.PostAsync("/api/v1/policies", $$"""{"name":"Deep","scope":{{deep}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("nested deeper than 32 levels", result.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("1.5")]
    public async Task Number_that_does_not_fit_says_so(string seconds)
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/policies", $$$"""{"name":"P","clauses":[{"mitigation_id":"monitor","entity_id":"ip-user-agent","window":{"seconds":{{{seconds}}},"threshold":1}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("clauses[0].window.seconds", result.Str("field"));
        Assert.Contains("must be a whole number", result.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_regex_is_explained_without_dotnet_names()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var broken = await client.PostAsync("/api/v1/actions", """{"name":"Bad","expression":"request.path.matches(\"(abc\")"}""");
        var backtracking = await client.PostAsync("/api/v1/actions", """{"name":"Back","expression":"request.path.matches(\"(a)\\\\1\")"}""");

        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Contains("never closed", broken.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backtracking.Status);
        Assert.Contains("linear time", backtracking.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain("RegexOptions", broken.Text + backtracking.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expressions_and_names_come_back_as_written()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var created = await client.PostAsync("/api/v1/actions", """{"id":"amp","name":"Tom & Jerry's <list>","expression":"request.path == \"/a&b\""}""");
        var read = await client.GetAsync("/api/v1/actions/amp");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        foreach (var text in new[] { created.Text, read.Text })
        {
            Assert.Contains("Tom & Jerry's <list>", text, StringComparison.Ordinal);
            Assert.Contains("request.path == \\\"/a&b\\\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
        }
    }
}
