namespace Esper.Storage.Sqlite;

/// <summary>
/// A write that waits for this process's write turn and may be run by another writer as part of its group commit.
/// Its task completes only after the COMMIT that made it durable (or with the error that stopped it).
/// </summary>
internal abstract class SqliteQueuedWrite
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Dropped = 2;

    private int _state;

    protected SqliteQueuedWrite(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    public CancellationToken CancellationToken { get; }

    /// <summary>Set once a group runner has taken this write: from then on only it completes the write.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Queued) == Queued;

    /// <summary>Withdraws a write that no runner has taken yet; false when one already has.</summary>
    public bool TryDrop() => Interlocked.CompareExchange(ref _state, Dropped, Queued) == Queued;

    /// <summary>Runs the operation; its result is kept until <see cref="Complete"/>.</summary>
    public abstract void Run(SqliteSession session, long now);

    /// <summary>Runs the operation in a write-behind group (staging item states); its result is kept until <see cref="Complete"/>.</summary>
    public abstract void RunLogged(SqliteLogGroup group, long now);

    /// <summary>Hands the kept result to the caller (after the commit).</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

/// <inheritdoc cref="SqliteQueuedWrite"/>
internal sealed class SqliteQueuedWrite<TArgs, T>(
    TArgs args,
    Func<SqliteSession, TArgs, long, T> write,
    Func<SqliteLogGroup, TArgs, long, T> logged,
    CancellationToken cancellationToken) : SqliteQueuedWrite(cancellationToken)
{
    // Continuations run elsewhere: the runner still holds the write turn while it completes the group.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override void Run(SqliteSession session, long now) => _result = write(session, args, now);

    public override void RunLogged(SqliteLogGroup group, long now) => _result = logged(group, args, now);

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
