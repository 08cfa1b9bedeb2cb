using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Http;

public sealed class HandlerTests
{
    [Fact]
    public async Task Unknown_path_is_404_and_wrong_method_is_405_with_allow()
    {
        using var harness = new ApiHarness();

        var missing = await harness.SendAsync("GET", "/api/v1/nothing");
        var wrongMethod = await harness.SendAsync("DELETE", "/api/v1/runtime/mitigation");

        Assert.Equal(404, missing.Status);
        Assert.Equal("application/problem+json", missing.Raw.ContentType);
        Assert.Equal(405, wrongMethod.Status);
        Assert.Equal("POST", wrongMethod.Raw.Headers["Allow"]);
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_problem_not_a_crash()
    {
        using var harness = new ApiHarness();
        var deep = new string('[', 200) + new string(']', 200);

        var result = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", deep);

        Assert.Equal(400, result.Status);
        Assert.Equal("application/problem+json", result.Raw.ContentType);
    }

    [Fact]
    public async Task Json_that_is_not_an_object_is_a_problem_naming_the_root()
    {
        using var harness = new ApiHarness();

        var result = await harness.SendAsync("POST", "/api/v1/policies", "[1,2]");

        Assert.Equal(400, result.Status);
        Assert.Equal("$", result.Body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Store_failure_is_answered_as_a_problem_and_never_thrown()
    {
        using var harness = new ApiHarness();
        harness.Store.FailWith = new InvalidOperationException("disk on fire");

        var decision = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", """{"request":{"path":"/"}}""", key: "esk_default_someotherkey");
        var ready = await harness.SendAsync("GET", "/readyz", key: null);

        Assert.Equal(500, decision.Status);
        Assert.Equal("application/problem+json", decision.Raw.ContentType);
        Assert.DoesNotContain("disk on fire", decision.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(503, ready.Status);
    }
}
