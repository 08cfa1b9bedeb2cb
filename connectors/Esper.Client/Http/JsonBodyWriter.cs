using System.Buffers;
using System.Text.Json;

namespace Esper.Client.Http;

/// <summary>
/// Writes a request body without per-call buffers: a <see cref="Utf8JsonWriter"/> and its scratch buffer are kept
/// per thread (the body is written synchronously, before any await), and the finished JSON is copied into a pooled
/// array that lives until the call, retries included, is over.
/// </summary>
internal static class JsonBodyWriter
{
    // A body this large (a request with very many or very long headers) is not worth keeping a buffer for.
    private const int KeepBufferUpTo = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A writer over this thread's empty scratch buffer; pair with <see cref="Finish"/> on the same thread.</summary>
    public static Utf8JsonWriter Start()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>Flushes <paramref name="writer"/> and copies what it wrote into a pooled array.</summary>
    public static PooledJson Finish(Utf8JsonWriter writer)
    {
        writer.Flush();
        var buffer = t_buffer!;
        var array = ArrayPool<byte>.Shared.Rent(buffer.WrittenCount);
        buffer.WrittenSpan.CopyTo(array);
        var body = new PooledJson(array, buffer.WrittenCount);
        if (buffer.Capacity > KeepBufferUpTo)
        {
            t_buffer = null;
            t_writer = null;
        }

        return body;
    }

    /// <summary>Serializes <paramref name="request"/> with the source-generated metadata into a pooled body.</summary>
    public static PooledJson Serialize(EsperEvent request)
    {
        var writer = Start();
        JsonSerializer.Serialize(writer, request, EsperJsonContext.Default.EsperEvent);
        return Finish(writer);
    }
}
