namespace Esper.Cli.Hybrid.Capture;

/// <summary>One direction of one TCP connection being reassembled: the next expected sequence number, the bytes in order not yet parsed, segments that arrived early, and where it is inside a request body.</summary>
internal sealed class TcpFlow
{
    public uint? NextSeq { get; set; }

    public List<byte> Buffer { get; } = [];

    public SortedDictionary<uint, byte[]> Early { get; } = [];

    /// <summary>Set once the stream is known not to be HTTP/1.x requests; its bytes are then dropped.</summary>
    public bool Ignored { get; set; }

    public long LastSeenTicks { get; set; }

    /// <summary>Bytes of the current request's Content-Length body still to skip.</summary>
    public long BodyRemaining { get; set; }

    /// <summary>
    /// The current request sent <c>Expect: 100-continue</c>, so its body may never come (the server answered with a
    /// final status instead); until the first byte after the head shows which, a request line there means it did not.
    /// </summary>
    public bool BodyMayBeWithheld { get; set; }

    /// <summary>The current request's chunked body being followed, or null.</summary>
    public ChunkedBody? Chunked { get; set; }
}
