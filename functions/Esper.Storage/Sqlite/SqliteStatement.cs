namespace Esper.Storage.Sqlite;

/// <summary>The statements a session prepares once and reuses; the value indexes its prepared command.</summary>
internal enum SqliteStatement
{
    Get,
    QueryAscending,
    QueryDescending,
    PutUpsert,
    PutUpsertUtf8,
    PutIfAbsent,
    PutIfVersion,
    Delete,
    ReadVersion,
    CounterItemWrite,
    CounterItemLoad,
    CounterGetLive,
    PurgeItems,
    PurgeCounterItems,
    Ping,
    DeleteAny,
    BeginImmediate,
    Commit,
    Rollback,
    Savepoint,
    ReleaseSavepoint,
    RollbackToSavepoint,
}
