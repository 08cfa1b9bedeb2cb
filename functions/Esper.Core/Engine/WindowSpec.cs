namespace Esper.Core.Engine;

/// <summary>
/// A sliding window kept as time buckets in the entity key's counter item. Buckets are
/// <c>max(1, ceil(seconds / 30))</c> seconds wide, so a window keeps at most 31 live buckets plus one of grace.
/// </summary>
internal sealed class WindowSpec
{
    private readonly BucketNames _names;

    public WindowSpec(int seconds, long threshold, string counterPrefix)
    {
        Seconds = seconds;
        Threshold = threshold;
        BucketSeconds = Math.Max(1, (seconds + 29) / 30);
        CounterPrefix = counterPrefix;
        _names = new BucketNames(counterPrefix);
    }

    public int Seconds { get; }

    public long Threshold { get; }

    public int BucketSeconds { get; }

    /// <summary>Counter names are this prefix followed by the bucket number (unix seconds / bucket width).</summary>
    public string CounterPrefix { get; }

    /// <summary>How long the counter item must outlive an update for this window to stay exact.</summary>
    public long StateTtlSeconds => Seconds + (2L * BucketSeconds);

    public long Bucket(long unixSeconds) => FloorDiv(unixSeconds, BucketSeconds);

    /// <summary>The oldest bucket that still counts: the one holding the second <c>seconds - 1</c> before now.</summary>
    public long FirstLiveBucket(long unixSeconds) => FloorDiv(unixSeconds - Seconds + 1, BucketSeconds);

    public string BucketName(long bucket) => _names.Get(bucket);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
