using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Esper.Api;
using Esper.Functions.Azure.Functions;
using Esper.Functions.Azure.Http;

using Esper.Testing;

namespace Esper.Functions.Azure.Tests.Http;

/// <summary>Translation between the trigger's HttpRequest and the shared handler, with the STAND-IN echo handler.</summary>
public sealed class FunctionDispatcherTests
{
    private readonly EchoHandler _handler = new();

    [Fact]
    public async Task Request_reaches_the_handler_with_method_path_query_headers_and_body()
    {
        var functions = new RuntimeFunctions(new FunctionDispatcher(_handler, new EsperApiOptions()));
        var context = FunctionCall.NewContext("post", "/api/v1/runtime/mitigation", "{\"ip\":\"1.2.3.4\"}", "?debug=1&tag=a&tag=b");
        context.Request.Headers["X-Api-Key"] = "esk_test";
        context.Request.Headers["X-Multi"] = new Microsoft.Extensions.Primitives.StringValues(["one", "two"]);

        await FunctionCall.RunAsync(context, functions.RuntimeMitigation);

        var seen = _handler.Last!;
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/api/v1/runtime/mitigation", seen.Path);
        Assert.Equal("1", seen.Query["debug"]);
        Assert.Equal("a", seen.Query["tag"]);
        Assert.Equal("esk_test", seen.Headers["x-api-key"]);
        Assert.Equal("one, two", seen.Headers["X-MULTI"]);
        Assert.Equal("{\"ip\":\"1.2.3.4\"}", Encoding.UTF8.GetString(seen.Body.Span));
    }

    [Fact]
    public async Task Handler_response_status_headers_content_type_and_body_are_written_unchanged()
    {
        var functions = new RuntimeFunctions(new FunctionDispatcher(_handler, new EsperApiOptions()));
        var context = FunctionCall.NewContext("POST", "/api/v1/beacon/event", "{}");

        var (status, headers, body) = await FunctionCall.RunAsync(context, functions.BeaconEvent);

        Assert.Equal(201, status);
        Assert.Equal("yes", headers["X-Echo"]);
        Assert.Equal("esper=1; Path=/; HttpOnly", headers.SetCookie);
        Assert.Equal("application/json", headers.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), headers.ContentLength);
        var echo = JsonNode.Parse(body)!;
        Assert.Equal("/api/v1/beacon/event", (string?)echo["path"]);
        Assert.Equal("{}", (string?)echo["body"]);
    }

    [Theory]
    [InlineData("203.0.113.9:51234", "203.0.113.9")]
    [InlineData("203.0.113.9, 10.0.0.1", "203.0.113.9")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    public async Task Caller_address_comes_from_the_front_end_forwarded_for_header(string forwarded, string expected)
    {
        var functions = new HealthFunctions(new FunctionDispatcher(_handler, new EsperApiOptions()));
        var context = FunctionCall.NewContext("GET", "/healthz");
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers["X-Forwarded-For"] = forwarded;

        await FunctionCall.RunAsync(context, functions.Health);

        Assert.Equal(expected, _handler.Last!.RemoteIp);
    }

    [Fact]
    public async Task Caller_address_is_the_connection_peer_without_forwarded_for()
    {
        var functions = new HealthFunctions(new FunctionDispatcher(_handler, new EsperApiOptions()));
        var context = FunctionCall.NewContext("GET", "/healthz");
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");

        await FunctionCall.RunAsync(context, functions.Health);

        Assert.Equal("192.0.2.10", _handler.Last!.RemoteIp);
    }
}
