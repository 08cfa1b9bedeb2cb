using System.Globalization;
using System.Text;
using CsCheck;
using Esper.Api.Http;
using Esper.Api.Runtime;
using Esper.Core.Fields;
using Esper.Core.Tests.Fuzz;
using Xunit.Abstractions;

namespace Esper.Api.Tests.Runtime;

/// <summary>
/// The runtime endpoint reads an event from the body's bytes in one pass and falls back to the parsed document
/// for anything it declines. The law: whatever the single pass reads, the document path reads to the same event
/// with the same warnings, under the same text limits (so the errors stay those of the document path).
/// </summary>
public sealed class RuntimeBodyReadingTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
    [
        """{"source":"web","observed_at":"2026-01-01T12:00:00Z","idempotency_key":"k-1","request":{"method":"POST","path":"/login?a=1","client_ip":"203.0.113.7","user_agent":"Mozilla/5.0","headers":{"user-agent":"Mozilla/5.0","Accept":"text/html","x-multi":["a",2]},"query_params":{"next":"/a"},"cookies":{"sid":"s"},"route_params":{"id":"7"},"body":{"user":{"email":"a@example.com"},"n":[1,2]}},"fields":{"plan":"pro","seats":3}}""",
        """{"tenant_id":"t","request":{"path":"/a","clientip":"10.0.0.1","ip":"10.0.0.2"},"extra":{"x":[1,"y"]}}""",
        """{"ip":"203.0.113.10","user_agent":"curl/8","path":"/login","method":"post","aws_request_id":"c0ffee","fields":{"aws_request_id":"f"}}""",
        """{"request":{"path":"/\u00e9t\u00e9","headers":{"x-a":"1","X-A":"2"}},"idempotency_key":"a","idempotency_key":"b"}""",
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Seed_body_is_read_in_one_pass_as_the_document_reads_it(int seed)
    {
        Assert.True(SameAsDocument(Seeds[seed], new RequestLimits()));
    }

    [Fact]
    public void Unknown_keys_of_the_nested_shape_get_the_same_warnings_in_body_order()
    {
        var request = Request("""{"tenant_id":"t","request":{"path":"/a","clientip":"x"},"extra":1}""");

        Assert.True(EventBody.TryRead(request, new RequestLimits(), out _, out var warnings));
        Assert.Equal(3, warnings!.Count);
        Assert.StartsWith("'tenant_id' is not a field of the runtime body", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("'extra' is not a field", warnings[1], StringComparison.Ordinal);
        Assert.StartsWith("'request.clientip' is not a field of request", warnings[2], StringComparison.Ordinal);
        Assert.True(SameAsDocument(request, new RequestLimits()));
    }

    [Theory]
    [InlineData("""{"request":{"path":"/a"},"note":"0123456789"}""")]
    [InlineData("""{"request":{"path":"/a","body":{"a":1,"b":2,"c":3,"d":4,"e":5}}}""")]
    [InlineData("""{"request":{"path":"/a","body":{"a":{"b":{"c":{"d":{}}}}}}}""")]
    public void Body_over_a_host_text_limit_is_declined_and_the_document_path_refuses_it(string json)
    {
        var limits = new RequestLimits { MaxStringLength = 9, MaxJsonProperties = 6, MaxJsonDepth = 5 };
        var request = Request(json);

        Assert.False(EventBody.TryRead(request, limits, out _, out _));
        Assert.False(JsonBody.TryParse(request, limits, out _, out var problem));
        Assert.True(problem!.StatusCode is 400 or 413);
        Assert.True(EventBody.TryRead(request, new RequestLimits(), out _, out _));
    }

    [Fact]
    public void Damaged_bodies_read_in_one_pass_read_the_same_through_the_document()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("ESPER_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 5;
        var limits = Gen.OneOf(
            Gen.Const(new RequestLimits()),
            Gen.Const(new RequestLimits { MaxStringLength = 12, MaxJsonProperties = 20, MaxJsonDepth = 4 }));
        var (read, declined) = (0, 0);
        Gen.Select(Mutations.Of(Seeds), limits).Sample(pick =>
        {
            if (SameAsDocument(pick.Item1, pick.Item2))
            {
                read++;
            }
            else
            {
                declined++;
            }
        }, writeLine: output.WriteLine, time: seconds, threads: 1);

        output.WriteLine($"read {read}, declined {declined}");
        Assert.InRange(read, 100, int.MaxValue);
        Assert.InRange(declined, 100, int.MaxValue);
    }

    /// <summary>True when the single pass read the body (and then the document path agrees); false when it declined.</summary>
    private static bool SameAsDocument(string json, RequestLimits limits) => SameAsDocument(Request(json), limits);

    private static bool SameAsDocument(ApiRequest request, RequestLimits limits)
    {
        if (!EventBody.TryRead(request, limits, out var ev, out var warnings))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(request.Body.Span);
        Assert.True(JsonBody.TryParse(request, limits, out var document, out var problem), $"the document path refuses {text}: {problem?.StatusCode}");
        using (document)
        {
            var parsed = EventBody.Parse(document!.RootElement, "", out problem);
            Assert.True(parsed is not null, $"the document path refuses {text}: {problem?.StatusCode}");
            Assert.Equal(EventBody.Warnings(document.RootElement), warnings);
            Assert.Equal(parsed.ObservedAt, ev.ObservedAt);
            Assert.Equal((parsed.IdempotencyKey, parsed.Source, parsed.ReturnUrl), (ev.IdempotencyKey, ev.Source, ev.ReturnUrl));
            Assert.Equal((parsed.Method, parsed.Path, parsed.ClientIp, parsed.UserAgent, parsed.BodyJson), (ev.Method, ev.Path, ev.ClientIp, ev.UserAgent, ev.BodyJson));
            Assert.Equal(parsed.Headers.ToList(), ev.Headers.ToList());
            Assert.Equal(parsed.QueryParams.ToList(), ev.QueryParams.ToList());
            Assert.Equal(parsed.Cookies.ToList(), ev.Cookies.ToList());
            Assert.Equal(parsed.RouteParams.ToList(), ev.RouteParams.ToList());
            Assert.Equal(parsed.Fields.ToList(), ev.Fields.ToList());
        }

        return true;
    }

    private static ApiRequest Request(string json) => new() { Method = "POST", Path = "/api/v1/runtime/mitigation", Body = Encoding.UTF8.GetBytes(json) };
}
