using Esper.Core.Engine;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class ScopeIndexTests
{
    [Theory]
    [InlineData("/team/0001/x", new[] { "all", "eq-team", "prefix-team", "prefix-team-1", "prefix-team-1-deep" })]
    [InlineData("/team/0001", new[] { "all", "eq-team", "prefix-team", "prefix-team-1" })]
    [InlineData("/team/00011", new[] { "all", "eq-team", "prefix-team", "prefix-team-1" })]
    [InlineData("/team", new[] { "all", "eq-exact", "eq-team" })]
    [InlineData("/Team/0001/x", new[] { "all", "eq-team" })]
    [InlineData("/", new[] { "all", "eq-team" })]
    public void Path_scopes_hold_exactly_as_their_expressions_do(string path, string[] expected)
    {
        var set = Compile(
        [
            Policy("all", null, Clause("watch")),
            Policy("eq-exact", "request.path == \"/team\"", Clause("watch")),
            Policy("eq-team", "request.path != \"/other\"", Clause("watch")),
            Policy("prefix-team", "request.path.startsWith(\"/team/\")", Clause("watch")),
            Policy("prefix-team-1", "request.path.startsWith(\"/team/0001\")", Clause("watch")),
            Policy("prefix-team-1-deep", "request_path.startsWith(\"/team/0001/\")", Clause("watch")),
        ]);

        var decision = new EngineFixture().Decide(set, Request(path: path));

        Assert.Equal(expected, decision.PolicyOutcomes.Select(o => o.PolicyId));
        Assert.Equal([false, true, false, true, true, true], Enumerable.Range(0, 6).Select(set.Scopes.Covers));
    }

    [Fact]
    public void Request_without_a_path_is_outside_every_path_scope()
    {
        var set = Compile([Policy("prefix", "request.path.startsWith(\"\")", Clause("block")), Policy("exact", "request.path == \"\"", Clause("block"))]);
        var request = Esper.Core.Fields.EncodedRequest.FromFields(new Dictionary<string, string> { ["request.method"] = "GET" });

        var decision = new EngineFixture().Decide(set, request);

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Empty(decision.PolicyOutcomes);
    }
}
