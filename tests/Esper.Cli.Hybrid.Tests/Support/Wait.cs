using System.Diagnostics;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>Waits on a real condition with a bounded timeout (never for time itself).</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }
}
