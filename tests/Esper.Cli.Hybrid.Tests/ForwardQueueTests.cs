using System.Text;
using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

public sealed class ForwardQueueTests
{
    [Fact]
    public async Task An_append_that_completed_is_already_in_the_file_before_the_queue_is_closed()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 1024 * 1024);

        var kept = await queue.EnqueueAsync(Encoding.UTF8.GetBytes("{\"idempotency_key\":\"k-1\"}"));

        // Read while the queue is still open, as after a SIGKILL: nothing acknowledged may sit in a process buffer.
        Assert.True(kept);
        Assert.Equal(["{\"idempotency_key\":\"k-1\"}"], ReadCurrent(directory));
    }

    [Fact]
    public async Task An_uncontended_append_is_written_by_its_caller_and_completes_at_once()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 1024 * 1024);

        var append = queue.EnqueueAsync(Encoding.UTF8.GetBytes("{\"idempotency_key\":\"k-1\"}"));

        // No hand-over to a writer thread: the task is complete when the call returns, with the line in the file.
        var completedAtOnce = append.IsCompletedSuccessfully;
        var lines = ReadCurrent(directory);
        Assert.True(completedAtOnce);
        Assert.True(await append);
        Assert.Equal(["{\"idempotency_key\":\"k-1\"}"], lines);
        Assert.Equal(1, queue.WriteCalls);
    }

    [Fact]
    public async Task Concurrent_appends_are_each_written_once_and_grouped_into_fewer_write_calls()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 64 * 1024 * 1024);
        const int threads = 8;
        const int perThread = 1000;
        using var start = new Barrier(threads);

        // Real threads appending at once: an append that finds the file busy waits, and the holder writes it with others.
        var appenders = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return Enumerable.Range(0, perThread)
                .Select(i => queue.EnqueueAsync(Encoding.UTF8.GetBytes($"{{\"idempotency_key\":\"k-{t}-{i}\"}}")).AsTask())
                .ToList();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var results = await Task.WhenAll((await Task.WhenAll(appenders)).SelectMany(static a => a));

        Assert.All(results, Assert.True);
        var lines = ReadCurrent(directory);
        Assert.Equal(threads * perThread, lines.Count);
        Assert.Equal(threads * perThread, lines.Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(queue.WriteCalls, 1, (threads * perThread) - 1);
    }

    [Fact]
    public async Task An_append_after_the_queue_closed_is_refused_and_counted()
    {
        var directory = Paths.TempDirectory();
        var queue = new ForwardQueue(directory, 1024 * 1024);
        Assert.True(await queue.EnqueueAsync(Encoding.UTF8.GetBytes("{\"n\":1}")));
        queue.Dispose();

        var late = await queue.EnqueueAsync(Encoding.UTF8.GetBytes("{\"n\":2}"));

        Assert.False(late);
        Assert.Equal(1, queue.Refused);
        Assert.Equal(["{\"n\":1}"], ReadCurrent(directory));
    }

    [Fact]
    public async Task A_full_queue_refuses_the_event_and_counts_it_without_writing_it()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 1024 * 1024);
        var big = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 600 * 1024) + "\"}");

        var first = await queue.EnqueueAsync(big);
        var second = await queue.EnqueueAsync(big);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, queue.Refused);
        Assert.Single(ReadCurrent(directory));
        Assert.Equal(big.Length + 1, queue.PendingBytes);
    }

    [Fact]
    public async Task A_flush_sends_written_events_in_batches_and_empties_the_queue()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 1024 * 1024);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await queue.EnqueueAsync(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")));
        }

        var batches = new List<string>();
        var sent = await queue.FlushAsync((batch, _) => { batches.Add(Encoding.UTF8.GetString(batch.Span)); return Task.FromResult(ForwardResult.Accepted); }, 2, CancellationToken.None);

        Assert.Equal(5, sent);
        Assert.Equal(["[{\"n\":0},{\"n\":1}]", "[{\"n\":2},{\"n\":3}]", "[{\"n\":4}]"], batches);
        Assert.Equal(0, queue.PendingBytes);
    }

    [Fact]
    public async Task A_flush_sends_every_complete_line_of_a_segment_and_drops_a_line_a_crash_cut()
    {
        var directory = Paths.TempDirectory();
        Directory.CreateDirectory(directory);
        // Written as a killed daemon leaves it: complete lines, an empty one, and a last line cut mid-event.
        await File.WriteAllTextAsync(Path.Combine(directory, "seg-000000000001.log"), "{\"n\":0}\n\n{\"n\":1}\n{\"n\":2}\n{\"n\":3,\"pa");
        using var queue = new ForwardQueue(directory, 1024 * 1024);

        var batches = new List<string>();
        var sent = await queue.FlushAsync((batch, _) => { batches.Add(Encoding.UTF8.GetString(batch.Span)); return Task.FromResult(ForwardResult.Accepted); }, 2, CancellationToken.None);

        Assert.Equal(3, sent);
        Assert.Equal(["[{\"n\":0},{\"n\":1}]", "[{\"n\":2}]"], batches);
        Assert.Empty(Directory.EnumerateFiles(directory, "seg-*.log"));
    }

    [Fact]
    public async Task A_flush_that_origin_asks_to_retry_keeps_the_segment_for_the_next_flush()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 1024 * 1024);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await queue.EnqueueAsync(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")));
        }

        var calls = 0;
        var first = await queue.FlushAsync((_, _) => Task.FromResult(++calls == 1 ? ForwardResult.Accepted : ForwardResult.Retry), 2, CancellationToken.None);
        var batches = new List<string>();
        var second = await queue.FlushAsync((batch, _) => { batches.Add(Encoding.UTF8.GetString(batch.Span)); return Task.FromResult(ForwardResult.Accepted); }, 2, CancellationToken.None);

        // The whole segment is sent again (origin counts the first batch once by its keys), then deleted.
        Assert.Equal(2, first);
        Assert.Equal(3, second);
        Assert.Equal(["[{\"n\":0},{\"n\":1}]", "[{\"n\":2}]"], batches);
        Assert.Equal(0, queue.PendingBytes);
    }

    private static List<string> ReadCurrent(string directory)
    {
        using var stream = new FileStream(Path.Combine(directory, "current.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
