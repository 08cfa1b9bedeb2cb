using System.Globalization;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A checkpoint is tens to hundreds of milliseconds of synchronous SQLite work: it must neither hold a thread-pool
/// worker (two on a two-core machine) nor take turns on the CPU with the answers.
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

    [Fact]
    public async Task On_linux_checkpoints_run_at_a_lower_cpu_priority_than_the_answers()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // thread nice values are per thread and read from /proc on Linux only
        }

        var nice = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var loop = new SqliteCheckpointLoop(() => nice.TrySetResult(CurrentThreadNice()), new FakeTimeProvider(), TimeSpan.Zero))
        {
            loop.Wake();
            await nice.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Relative to the process's own value (a run under `nice -n 19` can go no lower).
        Assert.Equal(Math.Min(19, CurrentThreadNice() + SqliteBackgroundPriority.NiceSteps), await nice.Task);
    }

    // Field 19 of /proc/thread-self/stat is the thread's nice value; the command name (field 2) may hold spaces, so
    // the fields are counted after its closing parenthesis.
    private static int CurrentThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }
}
