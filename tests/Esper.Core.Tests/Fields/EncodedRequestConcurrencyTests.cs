namespace Esper.Core.Tests.Fields;

public sealed class EncodedRequestConcurrencyTests
{
    [Fact]
    public void Lazily_derived_fields_read_the_same_from_many_threads()
    {
        for (var round = 0; round < 50; round++)
        {
            var request = EventJson.Encode("""
                {"observed_at":"2026-03-19T10:15:00Z","request":{"user_agent":"Mozilla/5.0 (compatible; ClaudeBot/1.0)","client_ip":"::ffff:10.0.0.1","body":{"a":{"b":"c"}}}}
                """);
            var results = new string?[16][];

            Parallel.For(0, results.Length, i => results[i] =
            [
                request.Text("crawler"), request.Text("crawler_operator"), request.Text("observed_at"), request.Text("request.body.a.b"),
                Esper.Core.Tests.Expressions.Compile.Text("client_ip.inCidr(\"10.0.0.0/8\")").Evaluate(request) ? "in" : "out",
            ]);

            Assert.All(results, r => Assert.Equal("ClaudeBot|anthropic|2026-03-19T10:15:00.000Z|c|in", string.Join("|", r)));
        }
    }
}
