using System.Net;
using System.Text;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Hostile;

/// <summary>Hostile request lines and headers over a raw socket (docs/hostile-input.md), each followed by a healthy decision.</summary>
[Collection(HostileCollection.Name)]
public sealed class HostileHeaderTests(HostileHost host)
{
    [Fact]
    public async Task Hundred_thousand_headers_get_431_or_a_closed_connection()
    {
        using var raw = await RawHttp.ConnectAsync(host.Port);
        var request = new StringBuilder("POST /api/v1/runtime/mitigation HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            request.Append("x-h").Append(i).Append(": 1\r\n");
        }

        // The server answers (and closes) long before the last header, so the send runs beside the read and may fail.
        var send = raw.TrySendAsync(request.Append("\r\n").ToString());
        var status = await raw.ReadStatusAsync(HostileHost.AnswerBound);
        await send;

        Assert.True(status is 431 or null, $"got {status}");
        Assert.True(await raw.ClosedWithinAsync(HostileHost.AnswerBound), "the connection stayed open");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Hundred_and_twenty_headers_get_431_problem_from_the_handler()
    {
        var result = await host.TimedAsync(c => c.SendAsync(HttpMethod.Post, "/api/v1/runtime/mitigation", Scenario.Event(), configure: r =>
        {
            for (var i = 0; i < 120; i++)
            {
                r.Headers.Add($"x-filler-{i}", "1");
            }
        }));

        HostileBodyTests.AssertProblem(result, HttpStatusCode.RequestHeaderFieldsTooLarge, "too-many-headers");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Hundred_thousand_query_parameters_get_414_or_a_closed_connection()
    {
        using var raw = await RawHttp.ConnectAsync(host.Port);
        var query = string.Join('&', Enumerable.Range(0, 100_000).Select(static i => $"p{i}=1"));

        var send = raw.TrySendAsync($"GET /api/v1/policies?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-esper-api-key: {EsperHost.AdminKey}\r\n\r\n");
        var status = await raw.ReadStatusAsync(HostileHost.AnswerBound);
        await send;

        Assert.True(status is 414 or null, $"got {status}");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Query_string_over_8192_characters_under_the_line_limit_gets_414_problem()
    {
        var query = string.Join('&', Enumerable.Range(0, 1_500).Select(static i => $"p{i}=1"));

        var result = await host.TimedAsync(c => c.GetAsync($"/api/v1/policies?{query}"));

        HostileBodyTests.AssertProblem(result, HttpStatusCode.RequestUriTooLong, "uri-too-long");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Nul_byte_in_a_header_value_gets_400_and_a_closed_connection()
    {
        using var raw = await RawHttp.ConnectAsync(host.Port);

        await raw.TrySendAsync($"POST /api/v1/runtime/mitigation HTTP/1.1\r\nHost: 127.0.0.1\r\nx-esper-api-key: {EsperHost.AdminKey}\r\nx-evil: a\0b\r\nContent-Length: 2\r\n\r\n{{}}");

        Assert.Equal(400, await raw.ReadStatusAsync(HostileHost.AnswerBound));
        Assert.True(await raw.ClosedWithinAsync(HostileHost.AnswerBound), "the connection stayed open");
        await host.AssertHealthyAsync();
    }
}
