using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Esper.Client.Guard;
using Microsoft.AspNetCore.Hosting;
using Esper.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.AspNetCore.Tests.Middleware;

public sealed class FailureTests
{
    [Fact]
    public async Task With_Esper_stopped_requests_fail_open_in_time_a_remembered_block_still_applies_and_fail_closed_refuses()
    {
        using var esper = await EsperHostProcess.StartAsync();
        await using (var admin = ClientProvider(esper))
        {
            await Policies.LoginBurstAsync(admin.GetRequiredService<Esper.Client.IEsperClient>(), "burst", "/login", threshold: 1);
        }

        await using var open = await TestApp.StartAsync(esper.BaseAddress);
        await using var closed = await TestApp.StartAsync(esper.BaseAddress, o => o.FailureMode = EsperFailureMode.FailClosed);
        using var attacker = open.Client("attacker/1.0");
        using var visitor = open.Client("visitor/1.0");
        using (var first = await attacker.PostAsync(new Uri("/login", UriKind.Relative), null))
        using (var second = await attacker.PostAsync(new Uri("/login", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        }

        esper.Stop();

        // The remembered block (ten-minute penalty) keeps applying to the same client and request.
        using var stillBlocked = await attacker.PostAsync(new Uri("/login", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, stillBlocked.StatusCode);

        // Everyone else fails open, well within the decision timeout, and the app can see why.
        var clock = Stopwatch.StartNew();
        var feature = await visitor.GetStringAsync(new Uri("/feature", UriKind.Relative));
        clock.Stop();
        Assert.Equal("allow|False|Unreachable|False|", feature);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"fail open took {clock.Elapsed}");
        using var attackerElsewhere = await attacker.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, attackerElsewhere.StatusCode);

        // Fail closed: refused with a problem saying the check is unavailable.
        using var refused = await closed.Client("visitor/1.0").GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("urn:esper:problem:unavailable", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_decision_whose_first_attempt_timed_out_is_retried_and_counted_once()
    {
        using var esper = await EsperHostProcess.StartAsync();
        await using (var admin = ClientProvider(esper))
        {
            await Policies.LoginBurstAsync(admin.GetRequiredService<Esper.Client.IEsperClient>(), "retry", "/login", threshold: 1);
        }

        var slow = new SlowFirstAnswerHandler();
        await using var app = await TestApp.StartAsync(esper.BaseAddress, services: s =>
        {
            s.Configure<Esper.Client.EsperClientOptions>(o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.DecisionTimeout = TimeSpan.FromSeconds(20);
            });
            s.AddHttpClient(Esper.Client.EsperHttpClients.Runtime).AddHttpMessageHandler(() => slow);
        });
        using var client = app.Client("retry/1.0");

        using var first = await client.PostAsync(new Uri("/login", UriKind.Relative), null);
        using var second = await client.PostAsync(new Uri("/login", UriKind.Relative), null);

        Assert.True(slow.Calls >= 3, $"{slow.Calls} calls: the first attempt was not retried");
        Assert.Equal(slow.Bodies[0], slow.Bodies[1]);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // Counted once: the second login is the second event in the window (threshold 1) and the first block.
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        var results = await ClientProvider(esper).GetRequiredService<Esper.Client.IEsperClient>().GetResultsAsync("retry");
        Assert.Equal(1, results.Block);
        Assert.Equal(1, results.Total);
    }

    [Fact]
    public async Task UseEsper_without_AddEsper_says_what_is_missing()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        await using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => Microsoft.AspNetCore.Builder.EsperApplicationBuilderExtensions.UseEsper(app));

        Assert.Contains("AddEsper()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_without_url_and_key_does_not_start_and_names_the_settings()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddEsper();
        await using var app = builder.Build();
        Microsoft.AspNetCore.Builder.EsperApplicationBuilderExtensions.UseEsper(app);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("ESPER_API_URL", ex.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider ClientProvider(EsperHostProcess esper) =>
        new ServiceCollection().AddEsperClient(o =>
        {
            o.ApiUrl = esper.BaseAddress;
            o.ApiKey = EsperHostProcess.AdminKey;
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        }).BuildServiceProvider();
}
