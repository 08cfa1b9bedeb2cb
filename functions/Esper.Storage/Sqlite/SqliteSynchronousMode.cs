namespace Esper.Storage.Sqlite;

/// <summary>SQLite's <c>synchronous</c> setting in WAL mode: when a commit reaches the disk.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit syncs the write-ahead log: durable against process kill, OS crash and power loss.</summary>
    Full,

    /// <summary>
    /// Commits are written to the OS before they are acknowledged but synced only at checkpoints: durable against a
    /// process kill (SIGKILL), while an OS crash or power loss may roll back the last commits (never corrupting the file).
    /// </summary>
    Normal,
}
