using System.Buffers;
using System.IO.Pipelines;

namespace Esper.Cli.Hybrid;

/// <summary>
/// Sends one sealed segment of the forward queue to origin: the file is streamed line by line into one reused
/// <see cref="ForwardBatch"/>, so nothing is allocated per line or per batch. A line a crash cut (no closing brace) is
/// dropped; a batch origin refuses as invalid is kept under <c>dead/</c>.
/// </summary>
internal static class ForwardSegment
{
    /// <summary>
    /// Sends one sealed segment in batches of <paramref name="batchSize"/> lines. Complete is false when origin asked to
    /// retry: the segment stays, and so do the ones after it.
    /// </summary>
    public static async Task<(int Sent, bool Complete)> SendAsync(
        string segment, string deadDirectory, ForwardBatch batch, Func<ReadOnlyMemory<byte>, CancellationToken, Task<ForwardResult>> send, int batchSize, CancellationToken cancellationToken)
    {
        var sent = 0;
        batch.Clear();
        var file = new FileStream(segment, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            var reader = PipeReader.Create(file, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
            try
            {
                while (true)
                {
                    var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var buffer = read.Buffer;
                    while (true)
                    {
                        // The last line of a segment has no newline only when a crash cut it; it is kept if complete.
                        var newline = buffer.PositionOf((byte)'\n');
                        if (newline is null && !read.IsCompleted)
                        {
                            break;
                        }

                        var line = newline is { } end ? buffer.Slice(0, end) : buffer;
                        buffer = newline is { } next ? buffer.Slice(buffer.GetPosition(1, next)) : buffer.Slice(buffer.End);
                        if (IsWholeEvent(line))
                        {
                            batch.Add(line);
                        }

                        if (batch.Count == batchSize)
                        {
                            var (accepted, retry) = await SendBatchAsync(segment, deadDirectory, batch, send, cancellationToken).ConfigureAwait(false);
                            sent += accepted;
                            if (retry)
                            {
                                return (sent, false);
                            }
                        }

                        if (newline is null)
                        {
                            break;
                        }
                    }

                    if (read.IsCompleted)
                    {
                        break;
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            var (accepted, retry) = await SendBatchAsync(segment, deadDirectory, batch, send, cancellationToken).ConfigureAwait(false);
            sent += accepted;
            if (retry)
            {
                return (sent, false);
            }
        }

        return (sent, true);
    }

    // Sends the batch and empties it: accepted, kept in dead/ when refused as invalid, or left for a retry.
    private static async Task<(int Accepted, bool Retry)> SendBatchAsync(
        string segment, string deadDirectory, ForwardBatch batch, Func<ReadOnlyMemory<byte>, CancellationToken, Task<ForwardResult>> send, CancellationToken cancellationToken)
    {
        var count = batch.Count;
        var result = await send(batch.Json, cancellationToken).ConfigureAwait(false);
        if (result == ForwardResult.Retry)
        {
            return (0, true);
        }

        if (result == ForwardResult.Rejected)
        {
            var dead = new FileStream(Path.Combine(deadDirectory, Path.GetFileName(segment)), FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            await using (dead.ConfigureAwait(false))
            {
                await dead.WriteAsync(batch.Json, cancellationToken).ConfigureAwait(false);
                await dead.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }

        batch.Clear();
        return (result == ForwardResult.Accepted ? count : 0, false);
    }

    private static bool IsWholeEvent(in ReadOnlySequence<byte> line) =>
        !line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'}';
}
