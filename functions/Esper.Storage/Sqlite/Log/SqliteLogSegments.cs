using System.Globalization;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The append-only log beside the database: numbered segment files <c>esper.db-log.000001</c>, … Frames go to the
/// current segment with one write call each, straight to the operating system (no buffer in this process), so a
/// frame that was written survives the process being killed; with <c>fsync</c> it also survives a power cut. A
/// checkpoint seals the current segment (later frames go to a fresh one) and deletes sealed segments once SQLite
/// holds their states. Not thread-safe: the store appends under its write turn and seals under the same lock.
/// </summary>
internal sealed class SqliteLogSegments : IDisposable
{
    private readonly string _prefix;
    private readonly bool _sync;
    private readonly List<string> _sealed = [];
    private FileStream _current;
    private string _currentPath;
    private long _sequence;
    private bool _torn;

    public SqliteLogSegments(string databasePath, bool sync)
    {
        _prefix = PrefixOf(databasePath);
        _sync = sync;
        _sequence = Existing(databasePath).Select(SequenceOf).DefaultIfEmpty(0).Max();
        (_current, _currentPath) = OpenNext();
    }

    /// <summary>Bytes in the current (unsealed) segment.</summary>
    public long CurrentBytes { get; private set; }

    /// <summary>Segments sealed and not yet deleted, oldest first.</summary>
    public IReadOnlyList<string> Sealed => _sealed;

    /// <summary>
    /// Appends one encoded frame and hands it to the operating system (and the disk when syncing). On failure the
    /// segment is cut back to its last whole frame, so a later frame is never stranded behind a torn one.
    /// </summary>
    public void Append(ReadOnlySpan<byte> frame)
    {
        if (_torn)
        {
            // The current segment ends in a torn frame that could not be cut off: later frames go to a fresh one.
            SwitchToNext();
        }

        try
        {
            _current.Write(frame);
            _current.Flush(flushToDisk: _sync);
            CurrentBytes += frame.Length;
        }
        catch
        {
            CutBack();
            throw;
        }
    }

    /// <summary>Seals the current segment when it holds any frame; later appends go to a fresh one.</summary>
    public void Seal()
    {
        if (CurrentBytes == 0)
        {
            return;
        }

        SwitchToNext();
    }

    /// <summary>Deletes the oldest <paramref name="count"/> sealed segments, oldest first (a crash part-way leaves a suffix, which replays in order).</summary>
    public void DeleteSealed(int count)
    {
        for (; count > 0 && _sealed.Count > 0; count--)
        {
            File.Delete(_sealed[0]);
            _sealed.RemoveAt(0);
        }
    }

    /// <summary>Closes the current segment and deletes it when it holds nothing (best effort: an empty segment replays as nothing).</summary>
    public void Dispose()
    {
        _current.Dispose();
        if (CurrentBytes == 0)
        {
            try
            {
                File.Delete(_currentPath);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The segment files of <paramref name="databasePath"/>, oldest first.</summary>
    public static IReadOnlyList<string> Existing(string databasePath)
    {
        var prefix = PrefixOf(databasePath);
        var directory = Path.GetDirectoryName(prefix)!;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, Path.GetFileName(prefix) + "*")
            .Where(static path => SequenceOf(path) > 0)
            .OrderBy(SequenceOf)
            .ToList();
    }

    private static string PrefixOf(string databasePath) => databasePath + "-log.";

    private static long SequenceOf(string path)
    {
        var dot = path.LastIndexOf('.');
        return long.TryParse(path.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
    }

    private (FileStream, string) OpenNext()
    {
        _sequence++;
        var path = _prefix + _sequence.ToString("D6", CultureInfo.InvariantCulture);

        // bufferSize 0: every Write is one write(2) to the operating system, nothing waits in this process.
        return (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0), path);
    }

    private void CutBack()
    {
        try
        {
            _current.SetLength(CurrentBytes);
            _current.Position = CurrentBytes;
        }
        catch (IOException)
        {
            // The file cannot be cut: seal what it holds up to the torn frame (replay stops there) and go on in a fresh
            // one; when none can be opened either, the next append opens one first (or fails).
            try
            {
                SwitchToNext();
            }
            catch (IOException)
            {
                _torn = true;
            }
        }
    }

    // The next segment is opened first: when that fails, nothing changes and the error is the caller's.
    private void SwitchToNext()
    {
        var (next, nextPath) = OpenNext();
        _current.Dispose();
        _sealed.Add(_currentPath);
        (_current, _currentPath) = (next, nextPath);
        CurrentBytes = 0;
        _torn = false;
    }
}
