using System.Collections.Concurrent;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The durable forward queue under <c>~/.esper/data/forward/</c>: every local decision's event is appended as one
/// JSON line to <c>current.log</c> before the decision is answered (written through to the OS, so a killed process
/// loses nothing it answered). An append that finds the file free writes its line itself and completes at once; one
/// that finds it busy waits in line, and whoever holds the file next writes every waiting line in one call and
/// completes their tasks (group commit without a writer thread, so an uncontended append costs no thread hop).
/// A flush seals <c>current.log</c> into a numbered segment and sends segments oldest first in beacon batches; a
/// segment is deleted only after origin accepted every batch of it. A crash mid-segment re-sends its first batches:
/// origin counts them once by their <c>idempotency_key</c> (at-least-once, counted once). Disk use is bounded by
/// <see cref="RuntimeSettings.MaxQueueBytes"/>: when full, new events are refused and counted.
/// </summary>
internal sealed class ForwardQueue : IDisposable
{
    private const int WriteBufferBytes = 256 * 1024;

    private const int MaxGroup = 4096;

    private readonly Lock _fileLock = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly ConcurrentQueue<Pending> _waiting = new();
    private readonly List<Pending> _group = new(MaxGroup);
    private FileStream _current;
    private long _bytes;
    private long _sequence;
    private long _refused;
    private long _writeCalls;
    private bool _closed;

    public ForwardQueue(string directory, long maxBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(DeadDirectory);
        _bytes = Directory.EnumerateFiles(directory, "*.log").Sum(f => new FileInfo(f).Length);
        _sequence = Segments().Select(SequenceOf).DefaultIfEmpty(0).Max();
        _current = OpenCurrent();
    }

    /// <summary>Where batches origin refused (4xx) are kept for inspection.</summary>
    public string DeadDirectory => Path.Combine(_directory, "dead");

    /// <summary>Bytes on disk (or being written) waiting to be forwarded.</summary>
    public long PendingBytes => Interlocked.Read(ref _bytes);

    /// <summary>Events refused because the queue was full (or its file could not be written).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Write calls made; fewer than the events appended when appends overlap (each group is one call).</summary>
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

        // Uncontended (nobody writing, nobody waiting): the caller writes its own line, with no hand-over to another
        // thread and back. Under contention the line waits, and whoever holds the file writes every waiting line in one
        // call and completes their tasks: a group writer without a thread of its own.
        if (_waiting.IsEmpty && _fileLock.TryEnter())
        {
            bool written;
            try
            {
                written = WriteOneLocked(json);
            }
            finally
            {
                _fileLock.Exit();
            }

            WriteWaiting();
            return ValueTask.FromResult(written);
        }

        var pending = new Pending(json, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Enqueue(pending);
        WriteWaiting();
        return new ValueTask<bool>(pending.Written.Task);
    }

    /// <summary>Sends every queued event; stops at the first batch origin does not accept. Returns the events accepted.</summary>
    /// <remarks>Segments are streamed line by line into one reused batch buffer: nothing per line, nothing per batch.</remarks>
    public async Task<int> FlushAsync(Func<ReadOnlyMemory<byte>, CancellationToken, Task<ForwardResult>> send, int batchSize, CancellationToken cancellationToken)
    {
        Seal();
        var sent = 0;
        using var batch = new ForwardBatch();
        foreach (var segment in Segments())
        {
            var (accepted, complete) = await ForwardSegment.SendAsync(segment, DeadDirectory, batch, send, batchSize, cancellationToken).ConfigureAwait(false);
            sent += accepted;
            if (!complete)
            {
                return sent;
            }

            var size = new FileInfo(segment).Length;
            File.Delete(segment);
            Interlocked.Add(ref _bytes, -size);
        }

        return sent;
    }

    /// <summary>Writes what is still waiting, then closes the file (fsynced); later appends are refused.</summary>
    public void Dispose()
    {
        lock (_fileLock)
        {
            WriteGroupLocked();
            _current.Flush(flushToDisk: true);
            _current.Dispose();
            _closed = true;
        }

        // Appends that raced the close find it closed: their lines are refused rather than left waiting.
        WriteWaiting();
    }

    // Takes the file while lines wait. A holder checks again after letting go, so a line queued while the file was
    // held (its own TryEnter failed) is always written by someone: no line waits for a writer that never comes.
    private void WriteWaiting()
    {
        while (!_waiting.IsEmpty && _fileLock.TryEnter())
        {
            try
            {
                WriteGroupLocked();
            }
            finally
            {
                _fileLock.Exit();
            }
        }
    }

    private void WriteGroupLocked()
    {
        var group = _group;
        while (group.Count < MaxGroup && _waiting.TryDequeue(out var pending))
        {
            group.Add(pending);
        }

        if (group.Count == 0)
        {
            return;
        }

        var written = WriteLinesLocked(group);
        foreach (var pending in group)
        {
            pending.Written.TrySetResult(written);
        }

        group.Clear();
    }

    // One buffered write per group: the FileStream buffer gathers the lines, Flush hands them to the OS together.
    private bool WriteLinesLocked(List<Pending> group)
    {
        var bytes = group.Sum(static p => p.Json.Length + 1L);
        if (_closed)
        {
            Refuse(bytes, group.Count);
            return false;
        }

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
            Refuse(bytes, group.Count);
            return false;
        }
    }

    // The uncontended append: one line, written by its own caller.
    private bool WriteOneLocked(ReadOnlyMemory<byte> json)
    {
        if (_closed)
        {
            Refuse(json.Length + 1L, 1);
            return false;
        }

        try
        {
            _current.Write(json.Span);
            _current.WriteByte((byte)'\n');
            _current.Flush(flushToDisk: false);
            Interlocked.Increment(ref _writeCalls);
            return true;
        }
        catch (IOException)
        {
            Refuse(json.Length + 1L, 1);
            return false;
        }
    }

    private void Refuse(long bytes, int events)
    {
        Interlocked.Add(ref _bytes, -bytes);
        Interlocked.Add(ref _refused, events);
    }

    private void Seal()
    {
        lock (_fileLock)
        {
            // Lines waiting now go into the segment being sealed.
            WriteGroupLocked();
            if (_current.Length > 0)
            {
                _current.Flush(flushToDisk: true);
                _current.Dispose();
                File.Move(CurrentPath, Path.Combine(_directory, $"seg-{++_sequence:D12}.log"));
                _current = OpenCurrent();
            }
        }

        // Appends that found the file held while it was sealed (and fsynced) are written now, not at the next append.
        WriteWaiting();
    }

    private string CurrentPath => Path.Combine(_directory, "current.log");

    private FileStream OpenCurrent() => new(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read, WriteBufferBytes);

    private List<string> Segments() =>
        Directory.EnumerateFiles(_directory, "seg-*.log").Order(StringComparer.Ordinal).ToList();

    private static long SequenceOf(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan(4), out var n) ? n : 0;

    private sealed record Pending(ReadOnlyMemory<byte> Json, TaskCompletionSource<bool> Written);
}
