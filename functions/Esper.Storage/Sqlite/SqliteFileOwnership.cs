namespace Esper.Storage.Sqlite;

/// <summary>
/// The store's claim on its database file: an exclusive lock on <c>esper.db.lock</c> beside it, held for the store's
/// lifetime. Because no other store (in this process or another) can open the file meanwhile, the store may keep
/// hot state in memory as the truth. The lock is the operating system's (released when the process dies, SIGKILL
/// included); the lock file itself stays and means nothing once no process holds it.
/// </summary>
internal sealed class SqliteFileOwnership : IDisposable
{
    private readonly FileStream _lock;

    private SqliteFileOwnership(FileStream lockFile) => _lock = lockFile;

    /// <summary>The lock file guarding <paramref name="databaseFile"/>.</summary>
    public static string LockPathOf(string databaseFile) => databaseFile + ".lock";

    /// <summary>
    /// Takes the lock (exclusive, or shared with other shared stores when <paramref name="shared"/>), or throws
    /// <see cref="InvalidOperationException"/> naming the file when a store holds it in the other way.
    /// </summary>
    public static SqliteFileOwnership Claim(string databaseFile, bool shared = false)
    {
        var lockPath = LockPathOf(databaseFile);
        try
        {
            // FileShare.None is an exclusive flock on Unix (per open file, so a second store in the same process
            // is refused too) and a sharing-mode lock on Windows; any other FileShare is a shared flock.
            var share = shared ? FileShare.ReadWrite : FileShare.None;
            return new SqliteFileOwnership(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, bufferSize: 1));
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidOperationException(
                shared
                    ? $"The embedded store {databaseFile} is owned by another Esper process (it holds {lockPath}); it cannot be shared while that process runs."
                    : $"The embedded store {databaseFile} is already open in another Esper process (it holds {lockPath}). " +
                      "One process owns a data directory at a time: stop the other process, or give this one its own " +
                      "(ESPER_DATA_DIR for a host, ESPER_HOME for esper run).",
                exception);
        }
    }

    public void Dispose() => _lock.Dispose();
}
