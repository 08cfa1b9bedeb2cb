using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Hostile;

/// <summary>
/// Regular expressions built to backtrack (docs/hostile-input.md): the engine runs them without backtracking, so a
/// nested quantifier is accepted and still answers at once on a long input; a construct that needs backtracking is refused.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileRegexTests(HostileHost host)
{
    [Fact]
    public async Task Nested_quantifier_policy_is_accepted_and_decides_a_long_near_miss_within_the_bound()
    {
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/mitigations", """{"id":"regex-block","name":"Block","mode":"block"}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies",
            """{"id":"evil-regex","name":"Evil","status":"active","scope":"user_agent.matches(\"^(a+)+$\") || request.headers[\"x-long\"].matches(\"^(a|aa)+$\")","clauses":[{"mitigation_id":"regex-block"}]}""")).Status);
        try
        {
            // A backtracking engine needs 2^n steps to reject these; a linear one answers as fast as any other request.
            var nearMissAgent = new string('a', 2_000) + "!";
            var nearMissHeader = new string('a', 8_000) + "!";
            var missed = await host.TimedAsync(c => c.PostAsync("/api/v1/runtime/mitigation",
                $$$"""{"request":{"path":"/regex","client_ip":"203.0.113.4","user_agent":"{{{nearMissAgent}}}","headers":{"x-long":"{{{nearMissHeader}}}"}""" + "}}"));
            var matched = await host.TimedAsync(c => c.PostAsync("/api/v1/runtime/mitigation",
                $$$"""{"request":{"path":"/regex","client_ip":"203.0.113.4","user_agent":"{{{new string('a', 2_000)}}}"}}"""));

            Assert.Equal(HttpStatusCode.OK, missed.Status);
            Assert.Equal("allow", missed.Str("action"));
            Assert.Equal("block", matched.Str("action"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/policies/evil-regex")).Status);
        }

        await host.AssertHealthyAsync();
    }

    [Theory]
    [InlineData(@"(a*)*\\\\1")]
    [InlineData(@"(?=a)+b")]
    [InlineData(@"(?>a+)+b")]
    public async Task Regex_that_needs_backtracking_gets_400_naming_the_scope(string pattern)
    {
        var result = await host.TimedAsync(c => c.PostAsync("/api/v1/policies",
            $$"""{"id":"refused-regex","name":"Refused","status":"active","scope":"user_agent.matches(\"{{pattern}}\")","clauses":[{"mitigation_id":"monitor"}]}"""));

        HostileBodyTests.AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("scope", result.Str("field"));
        Assert.Contains("linear time", result.Str("detail"), StringComparison.Ordinal);
        await host.AssertHealthyAsync();
    }
}
