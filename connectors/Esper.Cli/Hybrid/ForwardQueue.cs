using System.Threading.Channels;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The durable forward queue under <c>~/.esper/data/forward/</c>: every local decision's event is appended as one
/// JSON line to <c>current.log</c> before the decision is answered (written through to the OS, so a killed process
/// loses nothing it answered). Appends go through one group writer: callers hand their line to a channel, the writer
/// drains everything waiting into one buffered write call, and each caller's task completes once its line is written.
/// A flush seals <c>current.log</c> into a numbered segment and sends segments oldest first in beacon batches; a
/// segment is deleted only after origin accepted every batch of it. A crash mid-segment re-sends its first batches:
/// origin counts them once by their <c>idempotency_key</c> (at-least-once, counted once). Disk use is bounded by
/// <see cref="RuntimeSettings.MaxQueueBytes"/>: when full, new events are refused and counted.
/// </summary>
internal sealed class ForwardQueue : IDisposable
{
    private const int WriteBufferBytes = 256 * 1024;

    private readonly object _fileLock = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly Channel<Pending> _appends = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private FileStream _current;
    private long _bytes;
    private long _sequence;
    private long _refused;
    private long _writeCalls;

    public ForwardQueue(string directory, long maxBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(DeadDirectory);
        _bytes = Directory.EnumerateFiles(directory, "*.log").Sum(f => new FileInfo(f).Length);
        _sequence = Segments().Select(SequenceOf).DefaultIfEmpty(0).Max();
        _current = OpenCurrent();
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Where batches origin refused (4xx) are kept for inspection.</summary>
    public string DeadDirectory => Path.Combine(_directory, "dead");

    /// <summary>Bytes on disk (or being written) waiting to be forwarded.</summary>
    public long PendingBytes => Interlocked.Read(ref _bytes);

    /// <summary>Events refused because the queue was full (or its file could not be written).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Write calls the group writer made; fewer than the events appended when appends overlap.</summary>
    public long WriteCalls => Interlocked.Read(ref _writeCalls);

    /// <summary>
    /// Appends one event, compact JSON on one line (no newline in <paramref name="json"/>). Completes once the line
    /// has been handed to the operating system: true, or false when the queue is full and the event was not kept.
    /// </summary>
    public ValueTask<bool> EnqueueAsync(ReadOnlyMemory<byte> json)
    {
        var size = json.Length + 1L;
        if (Interlocked.Add(ref _bytes, size) > _maxBytes)
        {
            Interlocked.Add(ref _bytes, -size);
            Interlocked.Increment(ref _refused);
            return ValueTask.FromResult(false);
        }

        var pending = new Pending(json, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_appends.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _bytes, -size);
            Interlocked.Increment(ref _refused);
            return ValueTask.FromResult(false);
        }

        return new ValueTask<bool>(pending.Written.Task);
    }

    /// <summary>Sends every queued event; stops at the first batch origin does not accept. Returns the events accepted.</summary>
    public async Task<int> FlushAsync(Func<string, CancellationToken, Task<ForwardResult>> send, int batchSize, CancellationToken cancellationToken)
    {
        Seal();
        var sent = 0;
        foreach (var segment in Segments())
        {
            var lines = (await File.ReadAllLinesAsync(segment, cancellationToken).ConfigureAwait(false))
                .Where(static l => l.Length > 0 && l[^1] == '}')
                .ToList();
            for (var start = 0; start < lines.Count; start += batchSize)
            {
                var batch = "[" + string.Join(',', lines.Skip(start).Take(batchSize)) + "]";
                var result = await send(batch, cancellationToken).ConfigureAwait(false);
                if (result == ForwardResult.Retry)
                {
                    return sent;
                }

                if (result == ForwardResult.Rejected)
                {
                    await File.AppendAllTextAsync(Path.Combine(DeadDirectory, Path.GetFileName(segment)), batch + "\n", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    sent += Math.Min(batchSize, lines.Count - start);
                }
            }

            var size = new FileInfo(segment).Length;
            File.Delete(segment);
            Interlocked.Add(ref _bytes, -size);
        }

        return sent;
    }

    /// <summary>Writes what is still waiting, then closes the file (fsynced).</summary>
    public void Dispose()
    {
        _appends.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        lock (_fileLock)
        {
            _current.Flush(flushToDisk: true);
            _current.Dispose();
        }
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>();
        var reader = _appends.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < 4096 && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            var written = WriteGroup(group);
            foreach (var pending in group)
            {
                pending.Written.TrySetResult(written);
            }

            group.Clear();
        }
    }

    // One buffered write per group: the FileStream buffer gathers the lines, Flush hands them to the OS together.
    private bool WriteGroup(List<Pending> group)
    {
        lock (_fileLock)
        {
            try
            {
                foreach (var pending in group)
                {
                    _current.Write(pending.Json.Span);
                    _current.WriteByte((byte)'\n');
                }

                _current.Flush(flushToDisk: false);
                Interlocked.Increment(ref _writeCalls);
                return true;
            }
            catch (IOException)
            {
                // Disk full or similar: the events of this group are refused, as when the queue is full.
                Interlocked.Add(ref _bytes, -group.Sum(static p => p.Json.Length + 1L));
                Interlocked.Add(ref _refused, group.Count);
                return false;
            }
        }
    }

    private void Seal()
    {
        lock (_fileLock)
        {
            if (_current.Length == 0)
            {
                return;
            }

            _current.Flush(flushToDisk: true);
            _current.Dispose();
            File.Move(CurrentPath, Path.Combine(_directory, $"seg-{++_sequence:D12}.log"));
            _current = OpenCurrent();
        }
    }

    private string CurrentPath => Path.Combine(_directory, "current.log");

    private FileStream OpenCurrent() => new(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read, WriteBufferBytes);

    private List<string> Segments() =>
        Directory.EnumerateFiles(_directory, "seg-*.log").Order(StringComparer.Ordinal).ToList();

    private static long SequenceOf(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan(4), out var n) ? n : 0;

    private sealed record Pending(ReadOnlyMemory<byte> Json, TaskCompletionSource<bool> Written);
}
