namespace Esper.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The directory every host keeps the database file in unless told otherwise (<c>ESPER_DATA_DIR</c>).</summary>
    public const string DefaultDirectory = ".esper-data";

    /// <summary>The database file's name inside its directory.</summary>
    public const string FileName = "esper.db";

    /// <summary>The database file used when neither <see cref="Path"/> nor <see cref="ConnectionString"/> is set.</summary>
    public const string DefaultPath = DefaultDirectory + "/" + FileName;

    /// <summary>
    /// Path of the database file; its directory is created when missing. Default <see cref="DefaultPath"/>, relative to
    /// the working directory (hosts put it under their data directory). Ignored when <see cref="ConnectionString"/> is set.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>A full Microsoft.Data.Sqlite connection string, used instead of <see cref="Path"/> when set. Default null.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a statement waits for another connection or process to release the write lock before failing.
    /// Default 5 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When a commit is flushed to disk. Default <see cref="SqliteSynchronousMode.Normal"/>: an acknowledged write
    /// survives the process being killed (SIGKILL included) at a fraction of the cost of a disk sync per write;
    /// choose <see cref="SqliteSynchronousMode.Full"/> to also survive an OS crash or power loss.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>
    /// How often, at most, a write also deletes expired rows (a bounded number per pass); zero or negative turns the
    /// opportunistic purge off. Default 1 minute. Expired rows are invisible either way.
    /// </summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most idle connections kept open for reuse. Default 16.</summary>
    public int MaxIdleConnections { get; set; } = 16;

    /// <summary>
    /// Most counter items (entity windows, rate limits, result and traffic counters, config versions) kept in memory,
    /// where updates are applied without reading SQLite first. Past it, a quarter of them are dropped (all are
    /// already written) and loaded again on their next update. Default 50,000 (roughly 25 MB).
    /// </summary>
    public int MaxCachedCounterItems { get; set; } = 50_000;

    /// <summary>
    /// False (default): this store owns the file; a second store over it, in any process, is refused at open, and
    /// counter items are kept in memory as the truth. True: several stores (processes) share the file, each
    /// marking it shared, so an owning store is refused while any of them runs and they are refused while an owner
    /// runs; every counter update then reads its item inside the write transaction and nothing is kept in memory
    /// between transactions (slower: two statements per counter update, a read and a write of its row, instead of one).
    /// </summary>
    public bool Shared { get; set; }

    /// <summary>
    /// True (default): a store that owns its file answers a write once its item states are one frame in an append-only
    /// log beside the database (<c>esper.db-log.NNNNNN</c>) and keeps them in memory; a checkpoint writes them into
    /// SQLite behind, and opening the file replays what a killed process left in the log. False: every write commits
    /// its SQLite transaction before it is answered. Ignored (false) for a <see cref="Shared"/> store.
    /// </summary>
    public bool WriteBehind { get; set; } = true;

    /// <summary>
    /// How often a write-behind store checkpoints its logged writes into SQLite. Default 200 ms; zero checkpoints
    /// only when <see cref="MaxLoggedItems"/> fills up and when the store is disposed.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Most item states a write-behind store keeps in memory before SQLite has them. A checkpoint starts when half is
    /// reached; at the bound, writers wait for it (memory stays bounded). Default 20,000.
    /// </summary>
    public int MaxLoggedItems { get; set; } = 20_000;

    /// <summary>The database file in <paramref name="directory"/>, as an absolute path (relative directories are taken from the working directory).</summary>
    public static string PathIn(string directory) => System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), FileName);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (ConnectionString is null && string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("SqliteStoreOptions.Path must name a database file.", nameof(Path));
        }

        if (ConnectionString is not null && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("SqliteStoreOptions.ConnectionString must not be blank when set.", nameof(ConnectionString));
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromMilliseconds(int.MaxValue))
        {
            throw new ArgumentException("SqliteStoreOptions.BusyTimeout must be between zero and int.MaxValue milliseconds.", nameof(BusyTimeout));
        }

        if (!Enum.IsDefined(Synchronous))
        {
            throw new ArgumentException("SqliteStoreOptions.Synchronous must be Full or Normal.", nameof(Synchronous));
        }

        if (MaxCachedCounterItems < 1)
        {
            throw new ArgumentException("SqliteStoreOptions.MaxCachedCounterItems must be at least 1.", nameof(MaxCachedCounterItems));
        }

        if (CheckpointInterval < TimeSpan.Zero || CheckpointInterval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("SqliteStoreOptions.CheckpointInterval must be between zero and one hour.", nameof(CheckpointInterval));
        }

        if (MaxLoggedItems < 2)
        {
            throw new ArgumentException("SqliteStoreOptions.MaxLoggedItems must be at least 2.", nameof(MaxLoggedItems));
        }

        if (MaxIdleConnections < 1)
        {
            throw new ArgumentException("SqliteStoreOptions.MaxIdleConnections must be at least 1.", nameof(MaxIdleConnections));
        }
    }
}
