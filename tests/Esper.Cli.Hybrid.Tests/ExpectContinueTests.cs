using System.Text;
using Esper.Cli.Hybrid.Capture;

namespace Esper.Cli.Hybrid.Tests;

/// <summary>Capture and <c>Expect: 100-continue</c>: a body announced but never sent must not swallow the requests after it.</summary>
public sealed class ExpectContinueTests
{
    private const string Client = "192.0.2.10";
    private const string Server = "192.0.2.20";

    [Fact]
    public void A_head_expecting_continue_is_reported_at_once_and_a_request_instead_of_its_body_is_read_next()
    {
        var reassembler = new TcpReassembler();
        reassembler.Add(Client, 5100, Server, 80, 0, [], syn: true, closing: false);
        var head = Encoding.ASCII.GetBytes("PUT /big HTTP/1.1\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n");
        var next = Encoding.ASCII.GetBytes("GET /after-417 HTTP/1.1\r\nUser-Agent: ua/3\r\n\r\n");

        var first = reassembler.Add(Client, 5100, Server, 80, 1, head, syn: false, closing: false);
        var second = reassembler.Add(Client, 5100, Server, 80, (uint)(1 + head.Length), next, syn: false, closing: false);

        Assert.Equal(["PUT /big"], first.Select(static r => $"{r.Method} {r.Target}"));
        Assert.Equal(["GET /after-417"], second.Select(static r => $"{r.Method} {r.Target}"));
    }

    [Fact]
    public void A_body_sent_after_continue_is_skipped_even_when_it_arrives_a_byte_at_a_time()
    {
        var reassembler = new TcpReassembler();
        reassembler.Add(Client, 5101, Server, 80, 0, [], syn: true, closing: false);
        var stream = Encoding.ASCII.GetBytes(
            "POST /form HTTP/1.1\r\nContent-Length: 24\r\nExpect: 100-Continue\r\n\r\n" +
            "GET /not-a-request HTTP" +
            "xGET /next HTTP/1.1\r\n\r\n");

        var found = new List<CapturedRequest>();
        for (var offset = 0; offset < stream.Length; offset++)
        {
            found.AddRange(reassembler.Add(Client, 5101, Server, 80, (uint)(1 + offset), stream.AsSpan(offset, 1), syn: false, closing: false));
        }

        // The body starts like a request line but its line never ends before the body does: it is body, skipped.
        Assert.Equal(["POST /form", "GET /next"], found.Select(static r => $"{r.Method} {r.Target}"));
    }

    [Fact]
    public void A_chunked_body_withheld_after_expect_continue_does_not_hide_the_next_request()
    {
        var reassembler = new TcpReassembler();
        reassembler.Add(Client, 5102, Server, 80, 0, [], syn: true, closing: false);
        var stream = Encoding.ASCII.GetBytes(
            "POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n" +
            "GET /next HTTP/1.1\r\n\r\n");

        var found = reassembler.Add(Client, 5102, Server, 80, 1, stream, syn: false, closing: false);

        Assert.Equal(["POST /upload", "GET /next"], found.Select(static r => $"{r.Method} {r.Target}"));
    }
}
