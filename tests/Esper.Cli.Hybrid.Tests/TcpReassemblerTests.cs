using System.Text;
using Esper.Cli.Hybrid.Capture;

namespace Esper.Cli.Hybrid.Tests;

public sealed class TcpReassemblerTests
{
    private const string Client = "192.0.2.10";
    private const string Server = "192.0.2.20";

    [Fact]
    public void A_request_split_over_segments_is_read_once_when_its_head_is_complete()
    {
        var reassembler = new TcpReassembler();
        var bytes = Encoding.ASCII.GetBytes("GET /login?next=%2Fhome HTTP/1.1\r\nHost: shop\r\nUser-Agent: ua/1\r\n\r\n");
        reassembler.Add(Client, 5000, Server, 80, 100, [], syn: true, closing: false);

        var first = reassembler.Add(Client, 5000, Server, 80, 101, bytes.AsSpan(0, 20), syn: false, closing: false);
        var second = reassembler.Add(Client, 5000, Server, 80, 121, bytes.AsSpan(20), syn: false, closing: false);

        Assert.Empty(first);
        var request = Assert.Single(second);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/login", request.Path);
        Assert.Equal("ua/1", request.UserAgent);
        Assert.Equal(Client, request.ClientIp);
        Assert.Contains("\"next\":\"/home\"", request.ToEventJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_out_of_order_and_retransmitted_yield_each_request_once_in_order()
    {
        var reassembler = new TcpReassembler();
        var stream = Encoding.ASCII.GetBytes("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\n");
        reassembler.Add(Client, 5001, Server, 80, 0, [], syn: true, closing: false);

        var late = reassembler.Add(Client, 5001, Server, 80, 31, stream.AsSpan(30), syn: false, closing: false);
        var early = reassembler.Add(Client, 5001, Server, 80, 1, stream.AsSpan(0, 30), syn: false, closing: false);
        var again = reassembler.Add(Client, 5001, Server, 80, 1, stream.AsSpan(0, 30), syn: false, closing: false);

        Assert.Empty(late);
        Assert.Equal(["POST /a", "GET /b"], early.Select(static r => $"{r.Method} {r.Target}"));
        Assert.Empty(again);
    }

    [Fact]
    public void A_response_stream_is_not_read_as_requests()
    {
        var reassembler = new TcpReassembler();
        var response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        var found = reassembler.Add(Server, 80, Client, 5002, 7, response, syn: false, closing: false);

        Assert.Empty(found);
    }

    [Fact]
    public void A_chunked_request_is_followed_to_its_end_and_the_next_request_on_the_connection_is_read()
    {
        var reassembler = new TcpReassembler();
        var stream = Encoding.ASCII.GetBytes(
            "POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "5;name=value\r\nhello\r\n1A\r\nGET /fake HTTP/1.1\r\n\r\n0123\r\n0\r\nX-Trailer: yes\r\n\r\n" +
            "GET /after HTTP/1.1\r\nUser-Agent: ua/2\r\n\r\n");
        reassembler.Add(Client, 5003, Server, 80, 0, [], syn: true, closing: false);

        var found = new List<CapturedRequest>();
        for (var offset = 0; offset < stream.Length; offset += 7)
        {
            var length = Math.Min(7, stream.Length - offset);
            found.AddRange(reassembler.Add(Client, 5003, Server, 80, (uint)(1 + offset), stream.AsSpan(offset, length), syn: false, closing: false));
        }

        // "GET /fake" is chunk data, not a request; "/after" comes after the zero chunk and the trailer.
        Assert.Equal(["POST /upload", "GET /after"], found.Select(static r => $"{r.Method} {r.Target}"));
        Assert.Equal("ua/2", found[1].UserAgent);
    }

    [Fact]
    public void A_body_larger_than_the_buffer_limit_is_skipped_as_it_arrives()
    {
        var reassembler = new TcpReassembler();
        var head = Encoding.ASCII.GetBytes($"POST /big HTTP/1.1\r\nContent-Length: {TcpReassembler.MaxBuffered * 2}\r\n\r\n");
        var chunk = new byte[64 * 1024];
        reassembler.Add(Client, 5004, Server, 80, 0, [], syn: true, closing: false);

        var found = new List<CapturedRequest>(reassembler.Add(Client, 5004, Server, 80, 1, head, syn: false, closing: false));
        var seq = 1u + (uint)head.Length;
        for (var sent = 0; sent < TcpReassembler.MaxBuffered * 2; sent += chunk.Length)
        {
            found.AddRange(reassembler.Add(Client, 5004, Server, 80, seq, chunk, syn: false, closing: false));
            seq += (uint)chunk.Length;
        }

        found.AddRange(reassembler.Add(Client, 5004, Server, 80, seq, Encoding.ASCII.GetBytes("GET /next HTTP/1.1\r\n\r\n"), syn: false, closing: false));

        Assert.Equal(["POST /big", "GET /next"], found.Select(static r => $"{r.Method} {r.Target}"));
    }

    [Fact]
    public void Bytes_that_are_not_chunked_framing_stop_the_connection_being_followed()
    {
        var reassembler = new TcpReassembler();
        var stream = Encoding.ASCII.GetBytes("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nGET /hidden HTTP/1.1\r\n\r\n");
        reassembler.Add(Client, 5005, Server, 80, 0, [], syn: true, closing: false);

        var found = reassembler.Add(Client, 5005, Server, 80, 1, stream, syn: false, closing: false);

        Assert.Equal(["/x"], found.Select(static r => r.Target));
    }
}
