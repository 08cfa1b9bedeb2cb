using System.Text;
using System.Text.Json.Nodes;
using Esper.Functions.Aws.Tests.Events;

namespace Esper.Functions.Aws.Tests.Process;

/// <summary>
/// The built function process with the real shared handler on DynamoDB (dynalite), fed real-shaped API Gateway
/// v1, v2 and function URL events through a Runtime API on loopback, as Lambda runs it.
/// </summary>
public sealed class FunctionProcessTests(Dynalite dynalite) : IClassFixture<Dynalite>, IAsyncLifetime
{
    private LambdaProcess _function = null!;

    public async Task InitializeAsync() => _function = await LambdaProcess.StartAsync(LambdaProcess.DynamoDbEnvironment(dynalite.ServiceUrl));

    public async Task DisposeAsync() => await _function.DisposeAsync();

    [Fact]
    public async Task Function_url_health_check_is_answered_by_the_shared_handler()
    {
        var result = await InvokeAsync(SampleEvents.FunctionUrl());

        Assert.Equal(200, (int)result["statusCode"]!);
        Assert.StartsWith("application/json", (string)result["headers"]!["Content-Type"]!, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse((string)result["body"]!));
    }

    [Fact]
    public async Task Resource_created_through_http_api_v2_with_a_base64_body_is_read_back_through_rest_api_v1()
    {
        var create = SampleEvents.HttpApiV2();
        create["rawPath"] = "/api/v1/mitigations";
        create["rawQueryString"] = "";
        create["requestContext"]!["http"]!["method"] = "POST";
        create["headers"]!["x-esper-api-key"] = LambdaProcess.AdminKey;
        create["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"id\":\"watch\",\"name\":\"Watch only\",\"mode\":\"monitor\"}"));
        create["isBase64Encoded"] = true;

        var created = await InvokeAsync(create);

        Assert.True(201 == (int)created["statusCode"]!, created.ToJsonString());
        Assert.Equal("/api/v1/mitigations/watch", (string)created["headers"]!["Location"]!);
        var etag = (string)created["headers"]!["ETag"]!;

        var read = SampleEvents.RestApiV1();
        read["httpMethod"] = "GET";
        read["path"] = "/api/v1/mitigations/watch";
        read["body"] = null;
        read["multiValueHeaders"]!["X-Esper-Api-Key"] = new JsonArray(LambdaProcess.AdminKey);

        var fetched = await InvokeAsync(read);

        Assert.True(200 == (int)fetched["statusCode"]!, fetched.ToJsonString());
        Assert.Equal(etag, (string)fetched["multiValueHeaders"]!["ETag"]![0]!);
        var body = JsonNode.Parse((string)fetched["body"]!)!;
        Assert.Equal("watch", (string)body["id"]!);
        Assert.Equal("monitor", (string)body["mode"]!);
    }

    [Fact]
    public async Task Request_without_an_api_key_gets_a_problem_in_the_rest_api_response_shape()
    {
        var read = SampleEvents.RestApiV1();
        read["httpMethod"] = "GET";
        read["path"] = "/api/v1/policies";

        var result = await InvokeAsync(read);

        Assert.Equal(401, (int)result["statusCode"]!);
        Assert.Equal("Bearer", (string)result["multiValueHeaders"]!["WWW-Authenticate"]![0]!);
        Assert.Equal("application/problem+json", (string)result["headers"]!["Content-Type"]!);
        Assert.Equal(401, (int)JsonNode.Parse((string)result["body"]!)!["status"]!);
    }

    [Fact]
    public async Task Unknown_path_is_a_404_problem_not_an_invocation_error()
    {
        var evt = SampleEvents.HttpApiV2();
        evt["rawPath"] = "/api/v1/nothing-here";
        evt["requestContext"]!["http"]!["method"] = "GET";

        var result = await InvokeAsync(evt);

        Assert.Equal(404, (int)result["statusCode"]!);
    }

    [Fact]
    public async Task Event_that_is_not_an_http_event_fails_that_invocation_only()
    {
        var failed = await _function.Api.InvokeAsync("{\"Records\":[{\"eventSource\":\"aws:s3\"}]}");
        var next = await InvokeAsync(SampleEvents.FunctionUrl());

        Assert.Equal("error", failed.Kind);
        Assert.Equal("Esper.InvalidEvent", failed.ErrorType);
        Assert.Equal(200, (int)next["statusCode"]!);
    }

    [Fact]
    public async Task Sigterm_while_waiting_for_the_next_event_ends_the_process_cleanly()
    {
        await InvokeAsync(SampleEvents.FunctionUrl());

        _function.Process.Terminate();

        Assert.Equal(0, await _function.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private async Task<JsonNode> InvokeAsync(JsonObject evt)
    {
        var answer = await _function.Api.InvokeAsync(evt.ToJsonString());
        Assert.True(answer.Kind == "response", $"{answer.Kind} {answer.ErrorType}: {answer.Body}\n{_function.Process.Output}");
        return JsonNode.Parse(answer.Body)!;
    }
}
