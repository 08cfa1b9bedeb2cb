using System.Text;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The durable forward queue under <c>~/.esper/data/forward/</c>: every local decision's event is appended as one
/// JSON line to <c>current.log</c> before the decision is answered (written through to the OS, so a killed process
/// loses nothing it answered). A flush seals <c>current.log</c> into a numbered segment and sends segments oldest
/// first in beacon batches; a segment is deleted only after origin accepted every batch of it. A crash mid-segment
/// re-sends its first batches: origin counts them once by their <c>idempotency_key</c> (at-least-once, counted once).
/// Disk use is bounded by <see cref="RuntimeSettings.MaxQueueBytes"/>: when full, new events are refused and counted.
/// </summary>
internal sealed class ForwardQueue : IDisposable
{
    private readonly object _lock = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private FileStream _current;
    private long _bytes;
    private long _sequence;
    private long _refused;

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

    /// <summary>Bytes on disk waiting to be forwarded.</summary>
    public long PendingBytes => Interlocked.Read(ref _bytes);

    /// <summary>Events refused because the queue was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Appends one event (compact JSON, one line); false when the queue is full.</summary>
    public bool TryEnqueue(string json)
    {
        var line = Encoding.UTF8.GetBytes(json + "\n");
        lock (_lock)
        {
            if (_bytes + line.Length > _maxBytes)
            {
                Interlocked.Increment(ref _refused);
                return false;
            }

            _current.Write(line);
            _current.Flush(flushToDisk: false);
            Interlocked.Add(ref _bytes, line.Length);
            return true;
        }
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

    public void Dispose()
    {
        lock (_lock)
        {
            _current.Flush(flushToDisk: true);
            _current.Dispose();
        }
    }

    private void Seal()
    {
        lock (_lock)
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

    private FileStream OpenCurrent() => new(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read);

    private List<string> Segments() =>
        Directory.EnumerateFiles(_directory, "seg-*.log").Order(StringComparer.Ordinal).ToList();

    private static long SequenceOf(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan(4), out var n) ? n : 0;
}
