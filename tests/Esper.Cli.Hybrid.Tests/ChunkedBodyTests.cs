using System.Text;
using Esper.Cli.Hybrid.Capture;

namespace Esper.Cli.Hybrid.Tests;

public sealed class ChunkedBodyTests
{
    [Fact]
    public void A_whole_body_is_read_to_the_end_of_its_trailer_and_no_further()
    {
        var body = new ChunkedBody();
        var bytes = Encoding.ASCII.GetBytes("4\r\nWiki\r\n5\r\npedia\r\n0\r\nExpires: never\r\n\r\nGET / HTTP/1.1");

        var progress = body.Read(bytes, out var consumed);

        Assert.Equal(ChunkedBody.Progress.Done, progress);
        Assert.Equal("GET / HTTP/1.1", Encoding.ASCII.GetString(bytes.AsSpan(consumed)));
    }

    [Fact]
    public void A_size_line_split_across_reads_waits_for_its_end()
    {
        var body = new ChunkedBody();

        // Nothing of a partial line is taken: the caller offers it again with the bytes that complete it.
        var first = body.Read("1"u8, out var none);
        var second = body.Read("11\r\n"u8, out var sizeLine);
        var data = body.Read(new byte[0x11], out var dataTaken);
        var end = body.Read("\r\n0\r\n\r\n"u8, out var rest);

        Assert.Equal((ChunkedBody.Progress.NeedMore, 0), (first, none));
        Assert.Equal((ChunkedBody.Progress.NeedMore, 4), (second, sizeLine));
        Assert.Equal((ChunkedBody.Progress.NeedMore, 0x11), (data, dataTaken));
        Assert.Equal((ChunkedBody.Progress.Done, 7), (end, rest));
    }

    [Theory]
    [InlineData("g\r\n")]
    [InlineData("-1\r\n")]
    [InlineData("3\r\nabcX\r\n")]
    [InlineData("\r\n")]
    public void Bytes_that_break_the_framing_are_invalid(string text)
    {
        Assert.Equal(ChunkedBody.Progress.Invalid, new ChunkedBody().Read(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void A_size_line_longer_than_the_limit_is_invalid_before_its_end_arrives()
    {
        var line = Encoding.ASCII.GetBytes("1;" + new string('x', ChunkedBody.MaxLine));

        Assert.Equal(ChunkedBody.Progress.Invalid, new ChunkedBody().Read(line, out _));
    }
}
