using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A checkpoint is tens to hundreds of milliseconds of synchronous SQLite work: it must not hold a thread-pool worker
/// (two on a two-core machine) for that long.
/// </summary>
public sealed class SqliteCheckpointLoopTests
{
    [Fact]
    public async Task Checkpoints_run_on_a_thread_of_their_own_outside_the_thread_pool()
    {
        var ran = new TaskCompletionSource<(bool PoolThread, string? Name)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var loop = new SqliteCheckpointLoop(() => ran.TrySetResult((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name)), new FakeTimeProvider(), TimeSpan.Zero))
        {
            loop.Wake();
            await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var (poolThread, name) = await ran.Task;
        Assert.False(poolThread);
        Assert.Equal("Esper SQLite checkpoint", name);
    }
}
