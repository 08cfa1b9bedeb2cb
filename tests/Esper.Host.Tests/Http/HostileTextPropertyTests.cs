using System.Net;
using System.Text;
using CsCheck;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Http;

/// <summary>Arbitrary bytes and surrogate escapes spliced into the bodies of every JSON endpoint never make a 5xx.</summary>
public sealed class HostileTextPropertyTests
{
    /// <summary>Every route that reads a JSON body, with a valid body whose <c>@</c> marks where the hostile text goes.</summary>
    private static readonly (string Method, string Path, string Template)[] Endpoints =
    [
        ("POST", "/api/v1/runtime/mitigation", """{"request":{"method":"GET","path":"/@","user_agent":"@","headers":{"@":"@"}},"fields":{"@":"@"}}"""),
        ("POST", "/api/v1/runtime/mitigation", """{"path":"/@","client_ip":"203.0.113.9","@":"@"}"""),
        ("POST", "/api/v1/beacon/event", """[{"request":{"path":"/@","cookies":{"@":"@"}}}]"""),
        ("POST", "/api/v1/actions", """{"name":"@","expression":"request.path == \"@\""}"""),
        ("POST", "/api/v1/entities", """{"name":"@","key_fields":["@"]}"""),
        ("POST", "/api/v1/mitigations", """{"name":"@","mode":"block","description":"@"}"""),
        ("POST", "/api/v1/policies", """{"name":"@","clauses":[{"mitigation_id":"monitor","expression":"@"}]}"""),
        ("PUT", "/api/v1/policies/watch", """{"name":"@","clauses":[{"mitigation_id":"monitor"}]}"""),
        ("PATCH", "/api/v1/policies/watch", """{"description":"@","@":null}"""),
        ("POST", "/api/v1/api-keys", """{"name":"@","scope":"runtime"}"""),
        ("POST", "/api/v1/tenants", """{"name":"@","slug":"@"}"""),
        ("POST", "/api/v1/challenge/proof/verify", """{"proof":"@","url":"https://a.example/@"}"""),
    ];

    private static readonly Gen<byte[]> Hostile = Gen.OneOf(
        Gen.Byte.Array[1, 12],
        Gen.Int[0xD800, 0xDFFF].Array[1, 3].Select(static units => Encoding.ASCII.GetBytes(string.Concat(units.Select(static u => $"\\u{u:x4}")))),
        Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Byte.Array[0, 4], static (high, tail) => (byte[])[.. Encoding.ASCII.GetBytes($"\\u{high:x4}"), .. tail]));

    [Fact]
    public async Task Hostile_text_in_any_json_body_never_gets_a_5xx()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        using var operatorClient = host.Client(key: null);
        operatorClient.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EsperHost.OperatorToken);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"))).Status);

        var cases = Gen.Select(Gen.Int[0, Endpoints.Length - 1], Hostile);
        await cases.SampleAsync(async item =>
        {
            var (index, text) = item;
            var (method, path, template) = Endpoints[index];
            var body = Splice(template, text);
            var target = path == "/api/v1/tenants" ? operatorClient : client;
            var result = await target.SendBytesAsync(new HttpMethod(method), path, body, method == "PATCH" ? "application/merge-patch+json" : "application/json");
            Assert.True((int)result.Status < 500, $"{method} {path} answered {(int)result.Status} to {Convert.ToHexString(body)}: {result.Text}");
        }, iter: 400, threads: 1);
    }

    private static byte[] Splice(string template, byte[] text)
    {
        var parts = template.Split('@');
        var body = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            body.AddRange(Encoding.UTF8.GetBytes(parts[i]));
            if (i < parts.Length - 1)
            {
                body.AddRange(text);
            }
        }

        return [.. body];
    }
}
