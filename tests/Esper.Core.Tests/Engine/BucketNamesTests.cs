using Esper.Core.Engine;

namespace Esper.Core.Tests.Engine;

public sealed class BucketNamesTests
{
    [Fact]
    public void Names_are_prefix_and_bucket_number_in_any_order_of_asking()
    {
        var names = new BucketNames("wabc_");

        // Forward, far back (as a replay deciding at an earlier time does), across a span's end, and forward again.
        long[] buckets = [1_000, 967, 966, 1_064, 1_100, 5, -3, 1_000, 2_000_000_000_000];
        foreach (var bucket in buckets)
        {
            Assert.Equal("wabc_" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture), names.Get(bucket));
        }
    }

    [Fact]
    public void Repeated_bucket_reuses_the_name_built_the_first_time()
    {
        var names = new BucketNames("w1_");
        var first = names.Get(55_000_000);

        // The current bucket and the stale ones a decision drops (31 live buckets back) share one span.
        var stale = names.Get(55_000_000 - 33);

        Assert.Same(first, names.Get(55_000_000));
        Assert.Same(stale, names.Get(55_000_000 - 33));
    }
}
