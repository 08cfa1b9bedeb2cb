namespace Esper.Cli.Hybrid.Capture;

/// <summary>
/// Puts TCP segments back in order per direction of each connection (retransmissions trimmed, early segments held
/// until the gap fills) and reads HTTP/1.1 request heads from the client-to-server byte streams. Memory is bounded:
/// at most <see cref="MaxFlows"/> connections (the least recently seen is dropped) and <see cref="MaxBuffered"/> bytes
/// held per connection. After each head, the request's body is skipped as it arrives (Content-Length, or chunked
/// framing followed by <see cref="ChunkedBody"/>), so a body never has to be held and the next request on a keep-alive
/// connection is read too.
/// </summary>
internal sealed class TcpReassembler
{
    public const int MaxFlows = 10_000;
    public const int MaxBuffered = 256 * 1024;

    private readonly Dictionary<(string Src, ushort SrcPort, string Dst, ushort DstPort), TcpFlow> _flows = [];
    private long _tick;

    /// <summary>Adds one segment; returns the requests it completed (usually none or one).</summary>
    public IReadOnlyList<CapturedRequest> Add(string src, ushort srcPort, string dst, ushort dstPort, uint seq, ReadOnlySpan<byte> payload, bool syn, bool closing)
    {
        var key = (src, srcPort, dst, dstPort);
        if (!_flows.TryGetValue(key, out var flow))
        {
            if (payload.IsEmpty && !syn)
            {
                return [];
            }

            if (_flows.Count >= MaxFlows)
            {
                _flows.Remove(_flows.MinBy(static f => f.Value.LastSeenTicks).Key);
            }

            flow = new TcpFlow();
            _flows[key] = flow;
        }

        flow.LastSeenTicks = ++_tick;
        if (syn)
        {
            flow.NextSeq = seq + 1;
            flow.Buffer.Clear();
            flow.Early.Clear();
            flow.Ignored = false;
            flow.BodyRemaining = 0;
            flow.Chunked = null;
            flow.BodyMayBeWithheld = false;
            return [];
        }

        List<CapturedRequest>? found = null;
        if (!payload.IsEmpty && !flow.Ignored)
        {
            flow.NextSeq ??= seq;
            Accept(flow, seq, payload);
            found = Parse(flow, src);
        }

        if (closing)
        {
            _flows.Remove(key);
        }

        return found ?? [];
    }

    private static void Accept(TcpFlow flow, uint seq, ReadOnlySpan<byte> payload)
    {
        var ahead = (int)(seq - flow.NextSeq!.Value);
        if (ahead > 0)
        {
            if (flow.Early.Count < 256)
            {
                flow.Early[seq] = payload.ToArray();
            }

            return;
        }

        // A retransmission overlaps what was already taken: keep only the new tail.
        if (-ahead >= payload.Length)
        {
            return;
        }

        Append(flow, payload[-ahead..]);
        while (flow.Early.Count > 0)
        {
            var (earlySeq, bytes) = flow.Early.First();
            var gap = (int)(earlySeq - flow.NextSeq!.Value);
            if (gap > 0)
            {
                break;
            }

            flow.Early.Remove(earlySeq);
            if (-gap < bytes.Length)
            {
                Append(flow, bytes.AsSpan(-gap));
            }
        }
    }

    private static void Append(TcpFlow flow, ReadOnlySpan<byte> bytes)
    {
        flow.NextSeq += (uint)bytes.Length;
        if (flow.Buffer.Count + bytes.Length > MaxBuffered)
        {
            flow.Ignored = true;
            flow.Buffer.Clear();
            return;
        }

        flow.Buffer.AddRange(bytes);
    }

    private static List<CapturedRequest>? Parse(TcpFlow flow, string clientIp)
    {
        List<CapturedRequest>? found = null;
        while (flow.Buffer.Count > 0 && !flow.Ignored)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(flow.Buffer);
            if (flow.BodyMayBeWithheld)
            {
                var next = HttpRequestParser.StartsWithRequestLine(span);
                if (next == HttpRequestParser.Result.NeedMore)
                {
                    break;
                }

                // A request line where the body would start: the client never sent the body (it got a final answer
                // to its Expect: 100-continue), so the next request is read instead of being skipped as body bytes.
                flow.BodyMayBeWithheld = false;
                if (next == HttpRequestParser.Result.Request)
                {
                    flow.BodyRemaining = 0;
                    flow.Chunked = null;
                }
            }

            if (flow.BodyRemaining > 0)
            {
                var skip = (int)Math.Min(flow.BodyRemaining, span.Length);
                flow.Buffer.RemoveRange(0, skip);
                flow.BodyRemaining -= skip;
                continue;
            }

            if (flow.Chunked is { } chunked)
            {
                var progress = chunked.Read(span, out var taken);
                flow.Buffer.RemoveRange(0, taken);
                if (progress == ChunkedBody.Progress.Done)
                {
                    flow.Chunked = null;
                    continue;
                }

                if (progress == ChunkedBody.Progress.Invalid)
                {
                    Ignore(flow);
                }

                break;
            }

            var result = HttpRequestParser.TryRead(span, clientIp, out var request, out var consumed, out var contentLength, out var isChunked);
            if (result == HttpRequestParser.Result.NeedMore)
            {
                break;
            }

            if (result == HttpRequestParser.Result.NotHttp)
            {
                Ignore(flow);
                break;
            }

            (found ??= []).Add(request!);
            flow.Buffer.RemoveRange(0, consumed);
            flow.BodyRemaining = contentLength;
            flow.Chunked = isChunked ? new ChunkedBody() : null;
            flow.BodyMayBeWithheld = (contentLength > 0 || isChunked) && ExpectsContinue(request!);
        }

        return found;
    }

    private static bool ExpectsContinue(CapturedRequest request) =>
        request.Header("expect") is { } expect && expect.Trim().Equals("100-continue", StringComparison.OrdinalIgnoreCase);

    private static void Ignore(TcpFlow flow)
    {
        flow.BodyMayBeWithheld = false;
        flow.Ignored = true;
        flow.Buffer.Clear();
        flow.Chunked = null;
        flow.BodyRemaining = 0;
    }
}
