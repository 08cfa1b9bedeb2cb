using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Hostile;

/// <summary>
/// Slow clients over a raw socket (docs/hostile-input.md): Kestrel's explicit limits in the host
/// (<see cref="KestrelLimits"/>) cut them off within the documented time, and other clients are served meanwhile.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class SlowClientTests(HostileHost host)
{
    [Fact]
    public async Task Client_sending_headers_one_byte_at_a_time_is_cut_off_within_the_headers_timeout()
    {
        using var raw = await RawHttp.ConnectAsync(host.Port);
        var headers = "POST /api/v1/runtime/mitigation HTTP/1.1\r\nHost: 127.0.0.1\r\nx-filler: " + new string('a', 10_000);
        var limit = KestrelLimits.RequestHeadersTimeout + HostileHost.TimeoutSlack;

        // One byte every 200 ms: each byte resets an idle timer, but not the timeout on the whole header block.
        var served = false;
        foreach (var c in headers)
        {
            if (raw.Elapsed > limit || !await raw.TrySendAsync(c.ToString()))
            {
                break;
            }

            if (!served)
            {
                await host.AssertHealthyAsync();
                served = true;
            }

            await Task.Delay(200);
        }

        var status = await raw.ReadStatusAsync(TimeSpan.FromSeconds(2));
        Assert.True(raw.Elapsed < limit, $"still connected after {raw.Elapsed.TotalSeconds:0.0} s");
        Assert.True(raw.Elapsed >= KestrelLimits.RequestHeadersTimeout - TimeSpan.FromSeconds(1), $"cut off early, after {raw.Elapsed.TotalSeconds:0.0} s");
        Assert.True(status is 408 or null, $"got {status}");
        await host.AssertHealthyAsync();
    }

    [Fact]
    public async Task Client_sending_its_body_one_byte_at_a_time_gets_408_after_the_grace_period()
    {
        using var raw = await RawHttp.ConnectAsync(host.Port);
        await raw.TrySendAsync($"POST /api/v1/runtime/mitigation HTTP/1.1\r\nHost: 127.0.0.1\r\nx-esper-api-key: {EsperHost.AdminKey}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{");
        var limit = KestrelLimits.MinRequestBodyDataRate.GracePeriod + HostileHost.TimeoutSlack;

        // Five bytes a second, far under the 240 bytes a second the host requires once the grace period is over.
        var status = (int?)null;
        var answered = false;
        while (!answered && raw.Elapsed < limit && await raw.TrySendAsync(" "))
        {
            try
            {
                status = await raw.ReadStatusAsync(TimeSpan.FromMilliseconds(200));
                answered = true;
            }
            catch (TimeoutException)
            {
                // Not cut off yet: send the next byte.
            }
        }

        Assert.True(answered, $"still reading the body after {raw.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(408, status);
        Assert.True(raw.Elapsed < limit, $"cut off only after {raw.Elapsed.TotalSeconds:0.0} s");
        await host.AssertHealthyAsync();
    }
}
