using System.Globalization;
using System.Text;

namespace Esper.Cli.Hybrid.Capture;

/// <summary>
/// Follows the framing of one chunked request body (RFC 9112 §7.1) in a reassembled stream, so the request after it
/// on the same connection can be read: chunk-size lines (extensions ignored), chunk data with its CRLF, then the
/// zero chunk and its trailer section. It takes only whole lines, so a line split across segments waits in the
/// caller's buffer; chunk data is taken as it comes, so a large body never has to be held.
/// </summary>
internal sealed class ChunkedBody
{
    /// <summary>Longest chunk-size or trailer line accepted; a longer one means this is not chunked framing.</summary>
    public const int MaxLine = 4096;

    private State _state = State.Size;
    private long _remaining;

    /// <summary>What <see cref="Read"/> reached.</summary>
    internal enum Progress
    {
        /// <summary>The body ended; the bytes after it belong to the next request.</summary>
        Done,

        /// <summary>Everything given was taken (or a line is not whole yet); give more bytes.</summary>
        NeedMore,

        /// <summary>The bytes are not chunked framing; stop following the connection.</summary>
        Invalid,
    }

    /// <summary>Takes as much of <paramref name="data"/> as belongs to the body; <paramref name="consumed"/> says how much.</summary>
    public Progress Read(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        while (true)
        {
            var rest = data[consumed..];
            switch (_state)
            {
                case State.Data:
                    var take = (int)Math.Min(_remaining, rest.Length);
                    consumed += take;
                    _remaining -= take;
                    if (_remaining > 0)
                    {
                        return Progress.NeedMore;
                    }

                    _state = State.DataEnd;
                    break;

                case State.DataEnd:
                    if (rest.Length < 2)
                    {
                        return Progress.NeedMore;
                    }

                    if (!rest.StartsWith("\r\n"u8))
                    {
                        return Progress.Invalid;
                    }

                    consumed += 2;
                    _state = State.Size;
                    break;

                default:
                    var end = rest.IndexOf("\r\n"u8);
                    if (end < 0)
                    {
                        return rest.Length > MaxLine ? Progress.Invalid : Progress.NeedMore;
                    }

                    if (end > MaxLine)
                    {
                        return Progress.Invalid;
                    }

                    var line = rest[..end];
                    consumed += end + 2;
                    if (_state == State.Trailer)
                    {
                        if (line.IsEmpty)
                        {
                            return Progress.Done;
                        }

                        break;
                    }

                    if (!TryParseSize(line, out _remaining))
                    {
                        return Progress.Invalid;
                    }

                    _state = _remaining == 0 ? State.Trailer : State.Data;
                    break;
            }
        }
    }

    private static bool TryParseSize(ReadOnlySpan<byte> line, out long size)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = Encoding.ASCII.GetString(semicolon < 0 ? line : line[..semicolon]).Trim();
        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out size) && size >= 0 && digits.Length is > 0 and <= 15;
    }

    private enum State
    {
        Size,
        Data,
        DataEnd,
        Trailer,
    }
}
