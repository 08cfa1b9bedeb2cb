using Esper.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Api.Tests.Http;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Adding_the_handlers_twice_keeps_the_first_options_and_serves_every_route_once()
    {
        // The harness adds the handlers with a rate limit of 2; the second call's limit of 0 (off) must not win.
        using var harness = new ApiHarness(o => o.RateLimitPerMinute = 2, extraServices: s => s.AddEsperApi(o => o.RateLimitPerMinute = 0));

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await harness.SendAsync("GET", "/api/v1/policies")).Status);
        }

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task Without_the_challenge_settings_registered_the_challenge_runs_on_defaults_and_never_on_the_environment()
    {
        Environment.SetEnvironmentVariable("ESPER_PUBLIC_URL", "not a url");
        try
        {
            using var harness = new ApiHarness();

            Assert.Equal(200, (await harness.SendAsync("GET", "/api/v1/policies")).Status);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ESPER_PUBLIC_URL", null);
        }
    }
}
