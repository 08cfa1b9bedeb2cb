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
    public async Task Concurrent_appends_are_each_written_once_and_grouped_into_fewer_write_calls()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 16 * 1024 * 1024);

        var appends = Enumerable.Range(0, 500)
            .Select(i => queue.EnqueueAsync(Encoding.UTF8.GetBytes($"{{\"idempotency_key\":\"k-{i}\"}}")).AsTask())
            .ToList();
        var results = await Task.WhenAll(appends);

        Assert.All(results, Assert.True);
        var lines = ReadCurrent(directory);
        Assert.Equal(500, lines.Count);
        Assert.Equal(500, lines.Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(queue.WriteCalls, 1, 499);
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
        var sent = await queue.FlushAsync((batch, _) => { batches.Add(batch); return Task.FromResult(ForwardResult.Accepted); }, 2, CancellationToken.None);

        Assert.Equal(5, sent);
        Assert.Equal(["[{\"n\":0},{\"n\":1}]", "[{\"n\":2},{\"n\":3}]", "[{\"n\":4}]"], batches);
        Assert.Equal(0, queue.PendingBytes);
    }

    private static List<string> ReadCurrent(string directory)
    {
        using var stream = new FileStream(Path.Combine(directory, "current.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
