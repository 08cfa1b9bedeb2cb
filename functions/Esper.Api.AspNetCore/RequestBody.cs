using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Esper.Api.AspNetCore;

/// <summary>Reads a request body with a cap, so the handler can tell an oversized body without the host buffering all of it.</summary>
internal static class RequestBody
{
    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, whatever sizes the transport delivers them in.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length && length <= limit ? (int)Math.Max(length, 1) : 4096);
        while (buffer.WrittenCount <= limit)
        {
            var memory = buffer.GetMemory(4096);
            memory = memory[..Math.Min(memory.Length, limit + 1 - buffer.WrittenCount)];
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
        }

        return buffer.WrittenMemory;
    }
}
