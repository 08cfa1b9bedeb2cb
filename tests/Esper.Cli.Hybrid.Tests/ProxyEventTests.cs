using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Esper.Cli.Hybrid.Tests;

public sealed class ProxyEventTests
{
    [Fact]
    public void The_event_carries_lower_cased_headers_without_cookie_or_authorization_and_the_query()
    {
        var context = Request("GET", "/search", "?q=bread&page=2", ("User-Agent", "agent/1"), ("X-Custom-Header", "v"), ("Cookie", "s=1"), ("Authorization", "Bearer t"));

        using var json = JsonDocument.Parse(ProxyEvent.Of(context));

        var request = json.RootElement.GetProperty("request");
        Assert.Equal("esper-run-proxy", json.RootElement.GetProperty("source").GetString());
        Assert.Equal("/search", request.GetProperty("path").GetString());
        Assert.Equal("203.0.113.7", request.GetProperty("client_ip").GetString());
        Assert.Equal("agent/1", request.GetProperty("user_agent").GetString());
        var headers = request.GetProperty("headers").EnumerateObject().Select(static h => h.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["user-agent", "x-custom-header"], headers);
        Assert.Equal("2", request.GetProperty("query_params").GetProperty("page").GetString());
    }

    [Fact]
    public void Events_built_one_after_another_on_one_thread_keep_their_own_bytes()
    {
        // The writer and its buffer are reused per thread: each event must still be a copy of its own.
        var first = ProxyEvent.Of(Request("GET", "/first", "", ("User-Agent", "agent/1")));
        var firstText = Encoding.UTF8.GetString(first);
        var second = ProxyEvent.Of(Request("POST", "/a-longer-second-path", "", ("User-Agent", "agent/2")));

        Assert.Equal(firstText, Encoding.UTF8.GetString(first));
        Assert.Contains("/first", firstText, StringComparison.Ordinal);
        Assert.Contains("/a-longer-second-path", Encoding.UTF8.GetString(second), StringComparison.Ordinal);
        Assert.DoesNotContain("/first", Encoding.UTF8.GetString(second), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action":"block","hybrid_key":"hk_1"}""", "block", "hk_1")]
    [InlineData("""{"decision_id":"d","action":"allow","matches":[{"action":"x"}]}""", "allow", null)]
    [InlineData("""{"action":"challenge"}""", "challenge", null)]
    [InlineData("""{"action":"something-new"}""", "something-new", null)]
    [InlineData("""[1]""", null, null)]
    public void The_answer_gives_its_action_and_hybrid_key(string answer, string? action, string? hybridKey)
    {
        Assert.Equal((action, hybridKey), ProxyEvent.DecisionOf(Encoding.UTF8.GetBytes(answer)));
    }

    private static DefaultHttpContext Request(string method, string path, string query, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }
}
