namespace Esper.Storage.AzureTables;

/// <summary>Bounded, jittered retries of ETag-checked read-modify-write cycles.</summary>
internal static class Contention
{
    /// <summary>
    /// Cycles before giving up. With full jitter even dozens of writers on one entity finish far below this; hitting
    /// it means the key is hotter than one entity can serve, which is reported as an error rather than hidden.
    /// </summary>
    public const int MaxAttempts = 200;

#pragma warning disable RS0030 // Pacing of calls to the remote service, not product time: it must stay real time even when a test fakes the clock.
    /// <summary>Full jitter: a random delay up to 1 ms × 2^attempt, capped at 50 ms.</summary>
    public static Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(50, Math.Pow(2, Math.Min(attempt, 10))) + 1)), cancellationToken);
#pragma warning restore RS0030

    public static InvalidOperationException Exhausted(ItemKey key) =>
        new($"Gave up updating '{key}' after {MaxAttempts} conflicting attempts: the key is too hot for one Azure Tables entity.");
}
