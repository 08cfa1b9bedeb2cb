using System.Net;
using System.Text;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Hostile;

/// <summary>
/// Hostile bodies sent to a real host process over real sockets (docs/hostile-input.md, one test per row): each is
/// answered with its documented status within <see cref="HostileHost.AnswerBound"/>, and a normal decision still
/// answers 200 afterwards.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileBodyTests(HostileHost host)
{
    private const string Runtime = "/api/v1/runtime/mitigation";

    [Fact]
    public async Task Body_over_one_mebibyte_gets_413_problem()
    {
        var big = "{\"request\":{\"path\":\"/\",\"user_agent\":\"" + new string('a', 1_100_000) + "\"}}";

        var result = await host.TimedAsync(c => c.PostAsync(Runtime, big));

        AssertProblem(result, HttpStatusCode.RequestEntityTooLarge, "too-large");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_gets_413_problem_without_a_declared_length()
    {
        var big = Encoding.UTF8.GetBytes("{\"request\":{\"path\":\"/\",\"user_agent\":\"" + new string('a', 1_100_000) + "\"}}");

        var result = await host.TimedAsync(c => c.SendAsync(HttpMethod.Post, Runtime, null, configure: request =>
        {
            request.Content = new StreamContent(new MemoryStream(big));
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TransferEncodingChunked = true;
        }));

        AssertProblem(result, HttpStatusCode.RequestEntityTooLarge, "too-large");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Declared_length_of_ten_gigabytes_is_refused_at_once_without_waiting_for_the_body()
    {
        using var raw = await RawHttp.ConnectAsync(host.Port);
        await raw.TrySendAsync($"POST {Runtime} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-esper-api-key: {EsperHost.AdminKey}\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{{");

        // Without the early refusal the host would wait for the body until the minimum data rate cut the client off.
        Assert.Equal(413, await raw.ReadStatusAsync(TimeSpan.FromSeconds(4)));
        Assert.True(await raw.ClosedWithinAsync(HostileHost.AnswerBound), "the connection stayed open after the 413");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Json_nested_ten_thousand_deep_gets_400_naming_the_depth_limit()
    {
        var deep = "{\"request\":{\"path\":\"/\",\"body\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";

        var result = await host.TimedAsync(c => c.PostAsync(Runtime, deep));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("nested deeper than 32 levels", result.Str("detail"), StringComparison.Ordinal);
        await host.AssertHealthyAsync();
    }

    [Theory]
    [InlineData(10_000, "is longer than 8192 characters")]
    [InlineData(100, "nested deeper than 64 levels")]
    public async Task Policy_expression_nested_deeply_gets_400_naming_the_scope(int depth, string reason)
    {
        var deep = new string('(', depth) + "true" + new string(')', depth);

        var result = await host.TimedAsync(c => c.PostAsync("/api/v1/policies",
            $$"""{"id":"deep","name":"Deep","status":"active","scope":"{{deep}}","clauses":[{"mitigation_id":"monitor"}]}"""));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("scope", result.Str("field"));
        Assert.Contains(reason, result.Str("detail"), StringComparison.Ordinal);
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Raw_nul_byte_in_a_body_gets_400_malformed_json()
    {
        var body = Encoding.Latin1.GetBytes("{\"request\":{\"path\":\"/\0x\"}}");

        var result = await host.TimedAsync(c => c.SendBytesAsync(HttpMethod.Post, Runtime, body));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("Malformed JSON", result.Str("detail"), StringComparison.Ordinal);
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Escaped_nul_characters_are_ordinary_text_and_decided_200()
    {
        var result = await host.TimedAsync(c => c.PostAsync(Runtime, """{"request":{"path":"/\u0000x","client_ip":"203.0.113.1","user_agent":"a\u0000b"}}"""));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.StartsWith("dec_", result.Str("decision_id"), StringComparison.Ordinal);
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Invalid_utf8_gets_400_naming_the_field()
    {
        var body = Encoding.Latin1.GetBytes("{\"request\":{\"path\":\"/\xff\xfe\",\"client_ip\":\"203.0.113.1\"}}");

        var result = await host.TimedAsync(c => c.SendBytesAsync(HttpMethod.Post, Runtime, body));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("request.path", result.Str("field"));
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Duplicate_key_in_a_config_body_gets_400_naming_it()
    {
        var result = await host.TimedAsync(c => c.PostAsync("/api/v1/mitigations", """{"id":"dup","name":"a","name":"b","mode":"block"}"""));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("name", result.Str("field"));
        Assert.Contains("twice", result.Str("detail"), StringComparison.Ordinal);
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Duplicate_key_in_a_runtime_event_is_decided_with_the_last_value()
    {
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/mitigations", """{"id":"dup-block","name":"Block","mode":"block"}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies",
            """{"id":"dup-path","name":"Dup","status":"active","scope":"request.path == \"/dup-last\"","clauses":[{"mitigation_id":"dup-block"}]}""")).Status);
        try
        {
            var last = await host.TimedAsync(c => c.PostAsync(Runtime, """{"request":{"path":"/dup-first","path":"/dup-last","client_ip":"203.0.113.2"}}"""));
            var first = await host.TimedAsync(c => c.PostAsync(Runtime, """{"request":{"path":"/dup-last","path":"/dup-first","client_ip":"203.0.113.2"}}"""));

            Assert.Equal("block", last.Str("action"));
            Assert.Equal("allow", first.Str("action"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/policies/dup-path")).Status);
        }

        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Hundred_thousand_json_fields_under_the_byte_limit_get_413_naming_the_object()
    {
        var fields = string.Join(',', Enumerable.Range(0, 100_000).Select(static i => $"\"{i:x}\":1"));
        var body = $"{{\"fields\":{{{fields}}}}}";
        Assert.True(body.Length < 1024 * 1024, "the body must stay under the byte limit so the field count is what refuses it");

        var result = await host.TimedAsync(c => c.PostAsync(Runtime, body));

        AssertProblem(result, HttpStatusCode.RequestEntityTooLarge, "too-large");
        Assert.Equal("fields", result.Str("field"));
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Number_of_a_hundred_thousand_digits_in_a_field_gets_400_naming_it()
    {
        var result = await host.TimedAsync(c => c.PostAsync(Runtime, "{\"request\":{\"path\":\"/\"},\"fields\":{\"n\":" + new string('9', 100_000) + "}}"));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("fields.n", result.Str("field"));
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Number_beyond_double_range_in_a_field_is_kept_as_text_and_decided_200()
    {
        var result = await host.TimedAsync(c => c.PostAsync(Runtime, """{"request":{"path":"/","client_ip":"203.0.113.3"},"fields":{"n":1e999999,"m":-1e999999}}"""));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        await host.AssertHealthyAsync();
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("99999999999999999999999")]
    [InlineData("-1e999999")]
    public async Task Huge_number_in_a_config_field_gets_400_naming_it(string number)
    {
        var result = await host.TimedAsync(c => c.PostAsync("/api/v1/mitigations", $$"""{"id":"huge","name":"Huge","mode":"block","duration_seconds":{{number}}}"""));

        AssertProblem(result, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("duration_seconds", result.Str("field"));
        await host.AssertHealthyAsync();
    }

    internal static void AssertProblem(ApiResult result, HttpStatusCode status, string type)
    {
        Assert.Equal(status, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal($"urn:esper:problem:{type}", result.Str("type"));
    }
}
