using System.Text;

namespace Esper.Cli.Hybrid.Capture;

/// <summary>Reads HTTP/1.1 request heads from the start of a reassembled client-to-server byte stream.</summary>
internal static class HttpRequestParser
{
    private static readonly string[] Methods = ["GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE "];

    /// <summary>What <see cref="TryRead"/> found at the start of the buffer.</summary>
    internal enum Result
    {
        /// <summary>A whole request head was read; its body (if any) follows.</summary>
        Request,

        /// <summary>The request is not complete yet.</summary>
        NeedMore,

        /// <summary>The stream is not HTTP/1.x requests (a response, TLS, another protocol); stop reading it.</summary>
        NotHttp,
    }

    /// <summary>
    /// Reads one request head. <paramref name="consumed"/> is the head's length; the body that follows is
    /// <paramref name="contentLength"/> bytes, or chunked when <paramref name="chunked"/> (which wins over a length).
    /// </summary>
    public static Result TryRead(ReadOnlySpan<byte> buffer, string clientIp, out CapturedRequest? request, out int consumed, out long contentLength, out bool chunked)
    {
        request = null;
        consumed = 0;
        contentLength = 0;
        chunked = false;
        if (!StartsWithMethod(buffer, out var partial))
        {
            return partial ? Result.NeedMore : Result.NotHttp;
        }

        var end = buffer.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return buffer.Length > 64 * 1024 ? Result.NotHttp : Result.NeedMore;
        }

        var lines = Encoding.Latin1.GetString(buffer[..end]).Split("\r\n");
        var first = lines[0].Split(' ');
        if (first.Length != 3 || !first[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Result.NotHttp;
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers.Add(KeyValuePair.Create(name, value));
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && (!long.TryParse(value, out contentLength) || contentLength < 0))
            {
                return Result.NotHttp;
            }

            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        request = new CapturedRequest(first[0], first[1], headers, clientIp);
        consumed = end + 4;
        if (chunked)
        {
            contentLength = 0;
        }

        return Result.Request;
    }

    /// <summary>
    /// Whether the buffer starts with an HTTP/1.x request line (<c>METHOD target HTTP/1.x</c> and its line end):
    /// <see cref="Result.Request"/> when it does, <see cref="Result.NeedMore"/> when the bytes so far could still be
    /// one, <see cref="Result.NotHttp"/> otherwise.
    /// </summary>
    public static Result StartsWithRequestLine(ReadOnlySpan<byte> buffer)
    {
        if (!StartsWithMethod(buffer, out var partial))
        {
            return partial ? Result.NeedMore : Result.NotHttp;
        }

        var end = buffer.IndexOf("\r\n"u8);
        if (end < 0)
        {
            return buffer.Length > 8 * 1024 ? Result.NotHttp : Result.NeedMore;
        }

        // Exactly METHOD SP target SP HTTP/1.x, as TryRead will insist.
        var line = buffer[..end];
        var version = line.LastIndexOf((byte)' ');
        return version > 0 && line[(version + 1)..].StartsWith("HTTP/1."u8) && line.Count((byte)' ') == 2
            ? Result.Request
            : Result.NotHttp;
    }

    private static bool StartsWithMethod(ReadOnlySpan<byte> buffer, out bool partial)
    {
        partial = false;
        foreach (var method in Methods)
        {
            var bytes = Encoding.ASCII.GetBytes(method);
            if (buffer.StartsWith(bytes))
            {
                return true;
            }

            if (buffer.Length < bytes.Length && bytes.AsSpan().StartsWith(buffer))
            {
                partial = true;
            }
        }

        return false;
    }
}
