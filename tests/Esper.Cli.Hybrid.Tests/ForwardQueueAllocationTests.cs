using System.Text;
using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

[Collection(RunsAloneCollection.Name)]
public sealed class ForwardQueueAllocationTests
{
    [Fact]
    public async Task A_flush_streams_a_segment_instead_of_holding_its_lines_and_batches_as_strings()
    {
        var directory = Paths.TempDirectory();
        using var queue = new ForwardQueue(directory, 256L * 1024 * 1024);
        var line = Encoding.UTF8.GetBytes("{\"idempotency_key\":\"k\",\"pad\":\"" + new string('x', 500) + "\"}");
        const int events = 20_000;
        for (var i = 0; i < events; i++)
        {
            Assert.True(await queue.EnqueueAsync(line));
        }

        var segmentBytes = queue.PendingBytes;
        long sentBytes = 0;
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var sent = await queue.FlushAsync((batch, _) => { sentBytes += batch.Length; return Task.FromResult(ForwardResult.Accepted); }, 100, CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(events, sent);
        Assert.True(sentBytes >= segmentBytes, $"sent {sentBytes} bytes of a {segmentBytes}-byte segment");

        // Lines read as strings and joined into batch strings cost about four times the segment; streaming costs
        // its buffers. Each batch of 100 lines would be a string on the large-object heap.
        Assert.True(allocated < segmentBytes / 10, $"the flush of a {segmentBytes}-byte segment allocated {allocated} bytes");
    }
}
