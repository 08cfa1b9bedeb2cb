using System.Text.Json;
using Esper.Api.Tests.Replay;
using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Results;

public sealed class TimelineTests
{
    [Fact]
    public async Task Timelines_count_each_minute_from_counters_kept_while_deciding()
    {
        using var harness = new ApiHarness();
        await ReplayTraffic.ConfigureAsync(harness);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", ReplayTraffic.BurstPolicy)).Status);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 26, 12, 58, 0, TimeSpan.Zero));

        // Minute 12:58: five logins from one client and one page view;
        // 12:59 nothing; 13:00 (another hour's item) two logins from another client.
        for (var i = 0; i < 5; i++)
        {
            await Decide(harness, "/login", "203.0.113.1");
        }

        await Decide(harness, "/home", "203.0.113.1");
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Decide(harness, "/login", "203.0.113.2");
        await Decide(harness, "/login", "203.0.113.2");

        var (status, traffic, _) = await harness.SendAsync("GET", "/api/v1/results/timeline?minutes=3");
        var (_, burst, _) = await harness.SendAsync("GET", "/api/v1/results/policies/burst/timeline?minutes=3");
        var (bad, _, _) = await harness.SendAsync("GET", "/api/v1/results/timeline?minutes=0");

        Assert.Equal(200, status);
        Assert.Equal(["12:58", "12:59", "13:00"], Minutes(traffic).Select(m => m.GetProperty("start").GetDateTimeOffset().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([6L, 0L, 2L], Minutes(traffic).Select(m => m.GetProperty("total").GetInt64()));
        // The fourth and fifth logins go over the threshold; the penalty then blocks the page view too.
        Assert.Equal([3L, 0L, 0L], Minutes(traffic).Select(m => m.GetProperty("block").GetInt64()));
        Assert.Equal([3L, 0L, 2L], Minutes(traffic).Select(m => m.GetProperty("allow").GetInt64()));
        Assert.Equal("burst", burst.GetProperty("policy_id").GetString());
        Assert.Equal([3L, 0L, 0L], Minutes(burst).Select(m => m.GetProperty("block").GetInt64()));
        Assert.Equal([3L, 0L, 0L], Minutes(burst).Select(m => m.GetProperty("total").GetInt64()));
        Assert.Equal(400, bad);
    }

    private static async Task Decide(ApiHarness harness, string path, string ip)
    {
        var body = $$$"""{"request":{"method":"POST","path":"{{{path}}}","client_ip":"{{{ip}}}","user_agent":"Mozilla/5.0"}}""";
        Assert.Equal(200, (await harness.SendAsync("POST", "/api/v1/runtime/mitigation", body)).Status);
    }

    private static JsonElement[] Minutes(JsonElement timeline) => [.. timeline.GetProperty("minutes").EnumerateArray()];
}
