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
}
