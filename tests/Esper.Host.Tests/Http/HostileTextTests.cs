using System.Net;
using System.Text;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Http;

/// <summary>Bodies whose text cannot be read as Unicode: a lone UTF-16 surrogate escape or invalid UTF-8 bytes.</summary>
public sealed class HostileTextTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "POST", "/api/v1/runtime/mitigation", """{"request":{"path":"/","user_agent":"\ud800"}}""", "request.user_agent" },
        { "POST", "/api/v1/runtime/mitigation", "{\"request\":{\"path\":\"/\xff\xfe\"}}", "request.path" },
        { "POST", "/api/v1/actions", """{"name":"\udc00x","expression":"true"}""", "name" },
        { "POST", "/api/v1/actions", "{\"name\":\"\xc3\x28\",\"expression\":\"true\"}", "name" },
        { "POST", "/api/v1/beacon/event", "{\"request\":{\"path\":\"/\",\"headers\":{\"\xff\":\"1\"}}}", "request.headers" },
        { "PATCH", "/api/v1/policies/watch", """{"description":"\ud83d"}""", "description" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_text_is_a_400_problem_naming_the_field(string method, string path, string body, string field)
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);

        // Latin-1 keeps each char below 256 as the one byte it stands for, so "\xff" goes out as the byte 0xFF.
        var result = await client.SendBytesAsync(new HttpMethod(method), path, Encoding.Latin1.GetBytes(body),
            method == "PATCH" ? "application/merge-patch+json" : "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("urn:esper:problem:validation", result.Str("type"));
        Assert.Equal(field, result.Str("field"));
        Assert.Contains("not valid text", result.Str("detail"), StringComparison.Ordinal);
    }
}
