using System.Buffers;

namespace Esper.Client.Http;

/// <summary>A request body in an array rented from the shared pool; disposing returns it (after the call, retries included).</summary>
internal readonly struct PooledJson : IDisposable
{
    private readonly byte[] _array;
    private readonly int _length;

    public PooledJson(byte[] array, int length)
    {
        _array = array;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, _length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
}
