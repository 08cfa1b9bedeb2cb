using System.Text.Json.Nodes;
using Esper.Functions.Aws.Tests.Events;

using Esper.Testing;

namespace Esper.Functions.Aws.Tests.Runtime;

/// <summary>
/// The runtime loop against a Runtime API served over loopback HTTP, with the STAND-IN echo handler so every
/// detail of the event translation is visible. The real handler runs in <see cref="FunctionProcessTests"/>.
/// </summary>
public sealed class RuntimeLoopTests : IAsyncLifetime
{
    private InProcessFunction _function = null!;

    public async Task InitializeAsync() => _function = await InProcessFunction.StartAsync(new EchoHandler());

    public async Task DisposeAsync() => await _function.DisposeAsync();

    [Fact]
    public async Task Http_api_v2_event_reaches_the_handler_with_decoded_body_query_cookies_and_source_ip()
    {
        var answer = await _function.Api.InvokeAsync(SampleEvents.HttpApiV2().ToJsonString());

        Assert.Equal("response", answer.Kind);
        var result = JsonNode.Parse(answer.Body)!;
        Assert.Equal(201, (int)result["statusCode"]!);
        Assert.False((bool)result["isBase64Encoded"]!);
        var echo = JsonNode.Parse((string)result["body"]!)!;
        Assert.Equal("POST", (string)echo["method"]!);
        Assert.Equal("/api/v1/runtime/mitigation", (string)echo["path"]!);
        Assert.Equal("{\"ip\":\"203.0.113.7\"}", (string)echo["body"]!);
        Assert.Equal("1", (string)echo["query"]!["debug"]!);
        Assert.Equal("a", (string)echo["query"]!["tag"]!);
        Assert.Equal("session=abc123; theme=dark", (string)echo["headers"]!["cookie"]!);
        Assert.Equal("esk_test", (string)echo["headers"]!["x-api-key"]!);
        Assert.Equal("203.0.113.7", (string)echo["remote_ip"]!);
    }

    [Fact]
    public async Task Http_api_v2_response_puts_set_cookie_in_the_cookies_array_and_content_type_in_headers()
    {
        var answer = await _function.Api.InvokeAsync(SampleEvents.HttpApiV2().ToJsonString());

        var result = JsonNode.Parse(answer.Body)!;
        Assert.Equal("esper=1; Path=/; HttpOnly", (string)result["cookies"]![0]!);
        Assert.Null(result["headers"]!["Set-Cookie"]);
        Assert.Equal("application/json", (string)result["headers"]!["Content-Type"]!);
        Assert.Equal("yes", (string)result["headers"]!["X-Echo"]!);
    }

    [Fact]
    public async Task Binary_response_is_sent_base64_encoded()
    {
        var evt = SampleEvents.HttpApiV2();
        evt["rawPath"] = "/files/binary";

        var answer = await _function.Api.InvokeAsync(evt.ToJsonString());

        var result = JsonNode.Parse(answer.Body)!;
        Assert.True((bool)result["isBase64Encoded"]!);
        Assert.Equal(EchoHandler.BinaryBody, Convert.FromBase64String((string)result["body"]!));
        Assert.Equal("application/octet-stream", (string)result["headers"]!["Content-Type"]!);
    }

    [Fact]
    public async Task Named_stage_prefix_is_removed_from_the_v2_raw_path()
    {
        var evt = SampleEvents.HttpApiV2();
        evt["rawPath"] = "/prod/api/v1/policies/p%201";
        evt["requestContext"]!["stage"] = "prod";

        var answer = await _function.Api.InvokeAsync(evt.ToJsonString());

        var echo = JsonNode.Parse((string)JsonNode.Parse(answer.Body)!["body"]!)!;
        Assert.Equal("/api/v1/policies/p 1", (string)echo["path"]!);
    }

    [Fact]
    public async Task Rest_api_v1_event_joins_multi_value_headers_and_takes_the_first_query_value()
    {
        var answer = await _function.Api.InvokeAsync(SampleEvents.RestApiV1().ToJsonString());

        Assert.Equal("response", answer.Kind);
        var result = JsonNode.Parse(answer.Body)!;
        var echo = JsonNode.Parse((string)result["body"]!)!;
        Assert.Equal("POST", (string)echo["method"]!);
        Assert.Equal("/api/v1/runtime/mitigation", (string)echo["path"]!);
        Assert.Equal("first, second", (string)echo["headers"]!["x-multi"]!);
        Assert.Equal("a", (string)echo["query"]!["tag"]!);
        Assert.Equal("{\"ip\":\"198.51.100.4\"}", (string)echo["body"]!);
        Assert.Equal("198.51.100.4", (string)echo["remote_ip"]!);
    }

    [Fact]
    public async Task Rest_api_v1_response_has_headers_and_multi_value_headers_and_no_cookies_array()
    {
        var evt = SampleEvents.RestApiV1();
        evt["body"] = Convert.ToBase64String("binary body"u8.ToArray());
        evt["isBase64Encoded"] = true;

        var answer = await _function.Api.InvokeAsync(evt.ToJsonString());

        var result = JsonNode.Parse(answer.Body)!;
        Assert.Equal(201, (int)result["statusCode"]!);
        Assert.Null(result["cookies"]);
        Assert.Equal("esper=1; Path=/; HttpOnly", (string)result["multiValueHeaders"]!["Set-Cookie"]![0]!);
        Assert.Equal("application/json", (string)result["multiValueHeaders"]!["Content-Type"]![0]!);
        Assert.Equal("application/json", (string)result["headers"]!["Content-Type"]!);
        var echo = JsonNode.Parse((string)result["body"]!)!;
        Assert.Equal("binary body", (string)echo["body"]!);
    }

    [Fact]
    public async Task Function_url_event_is_answered_in_the_payload_2_shape()
    {
        var answer = await _function.Api.InvokeAsync(SampleEvents.FunctionUrl().ToJsonString());

        var result = JsonNode.Parse(answer.Body)!;
        Assert.Null(result["multiValueHeaders"]);
        Assert.NotNull(result["cookies"]);
        var echo = JsonNode.Parse((string)result["body"]!)!;
        Assert.Equal("GET", (string)echo["method"]!);
        Assert.Equal("/healthz", (string)echo["path"]!);
        Assert.Equal("session=xyz", (string)echo["headers"]!["cookie"]!);
        Assert.Equal("192.0.2.44", (string)echo["remote_ip"]!);
        Assert.Equal("", (string)echo["body"]!);
    }

    [Theory]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}")]
    [InlineData("not json at all")]
    [InlineData("{\"version\":\"2.0\",\"rawPath\":\"/x\",\"body\":\"%%%\",\"isBase64Encoded\":true,\"requestContext\":{\"http\":{\"method\":\"GET\"}}}")]
    public async Task Event_that_is_not_an_http_event_is_reported_as_an_invocation_error(string payload)
    {
        var answer = await _function.Api.InvokeAsync(payload);

        Assert.Equal("error", answer.Kind);
        Assert.Equal("Esper.InvalidEvent", answer.ErrorType);
        var error = JsonNode.Parse(answer.Body)!;
        Assert.Equal("Esper.InvalidEvent", (string)error["errorType"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["errorMessage"]));
    }

    [Fact]
    public async Task Handler_failure_is_reported_as_an_invocation_error_and_the_loop_goes_on()
    {
        var evt = SampleEvents.FunctionUrl();
        evt["rawPath"] = "/boom/throw";

        var failed = await _function.Api.InvokeAsync(evt.ToJsonString());
        var next = await _function.Api.InvokeAsync(SampleEvents.FunctionUrl().ToJsonString());

        Assert.Equal("error", failed.Kind);
        Assert.Equal("Esper.HandlerFailed", failed.ErrorType);
        Assert.Contains("stand-in failure", failed.Body, StringComparison.Ordinal);
        Assert.Equal("response", next.Kind);
    }
}
