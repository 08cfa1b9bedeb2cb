namespace Esper.Storage.Sqlite;

/// <summary>A cached counter item: the state writes build on, and the last state a COMMIT made durable, for readers.</summary>
internal sealed class SqliteCounterEntry(SqliteCounterState loaded)
{
    /// <summary>The newest state, committed or not; read and replaced only under the write turn.</summary>
    public SqliteCounterState Current { get; set; } = loaded;

    private volatile SqliteCounterState? _committed;

    /// <summary>The state as of the last COMMIT that touched this item; null while it was only loaded in an open transaction.</summary>
    public SqliteCounterState? Committed
    {
        get => _committed;
        set => _committed = value;
    }
}
