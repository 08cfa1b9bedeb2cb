using System.Buffers;

namespace Esper.Cli.Hybrid;

/// <summary>
/// One beacon batch being built from queue lines: <c>[line,line,…]</c> as UTF-8 in one pooled buffer that is reused
/// from batch to batch. The flush used to read a whole segment as strings and join each batch into another string:
/// for a segment of tens of megabytes that promoted every line to the oldest generation and put each batch on the
/// large-object heap, and the full collections that followed paused the decisions being answered meanwhile.
/// </summary>
internal sealed class ForwardBatch : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;

    /// <summary>Lines in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>The batch as a JSON array, once a line was added (valid until the next <see cref="Add"/> or <see cref="Clear"/>).</summary>
    public ReadOnlyMemory<byte> Json
    {
        get
        {
            Ensure(1);
            _buffer[_length] = (byte)']';
            return _buffer.AsMemory(0, _length + 1);
        }
    }

    public void Add(in ReadOnlySequence<byte> line)
    {
        Ensure(checked((int)line.Length + 1));
        _buffer[_length++] = Count == 0 ? (byte)'[' : (byte)',';
        line.CopyTo(_buffer.AsSpan(_length));
        _length += (int)line.Length;
        Count++;
    }

    public void Clear()
    {
        _length = 0;
        Count = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // Room for `more` bytes and the closing bracket.
    private void Ensure(int more)
    {
        var needed = _length + more + 1;
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
