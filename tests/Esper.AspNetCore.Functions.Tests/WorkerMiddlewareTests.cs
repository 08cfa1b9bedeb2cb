using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Esper.AspNetCore.Functions.Tests.Support;
using Esper.Client;
using Esper.Client.Guard;
using Esper.Connectors.Testing;
using Esper.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Esper.AspNetCore.Functions.Tests;

public sealed class WorkerMiddlewareTests
{
    private const string AdminKey = "esk_default_functionsworkertestadminkey";

    [Fact]
    public async Task Five_logins_run_the_function_and_the_sixth_is_refused_before_it_runs()
    {
        using var esper = await StartEsperAsync();
        await using (var admin = Admin(esper))
        {
            await Policies.LoginBurstAsync(admin.GetRequiredService<IEsperClient>(), "login", "/api/login");
        }

        await using var app = await FunctionsApp.StartAsync(esper.BaseAddress, AdminKey);
        using var client = app.Client("functions-visitor/1.0");

        for (var i = 1; i <= 5; i++)
        {
            using var allowed = await client.PostAsync(new Uri("/api/login", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal("function ran|allow|", await allowed.Content.ReadAsStringAsync());
        }

        using var sixth = await client.PostAsync(new Uri("/api/login", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, sixth.StatusCode);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await sixth.Content.ReadAsStringAsync());
        Assert.Equal("urn:esper:problem:blocked", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(5, app.FunctionRuns);
    }

    [Fact]
    public async Task With_Esper_stopped_the_function_runs_within_the_timeout_and_fail_closed_refuses()
    {
        using var esper = await StartEsperAsync();
        await using var open = await FunctionsApp.StartAsync(esper.BaseAddress, AdminKey);
        await using var closed = await FunctionsApp.StartAsync(esper.BaseAddress, AdminKey, o => o.FailureMode = EsperFailureMode.FailClosed);
        using (var before = await open.Client("warm/1.0").GetAsync(new Uri("/api/orders", UriKind.Relative)))
        {
            Assert.Equal("function ran|allow|", await before.Content.ReadAsStringAsync());
        }

        esper.Kill();

        var clock = Stopwatch.StartNew();
        using var failedOpen = await open.Client("visitor/1.0").GetAsync(new Uri("/api/orders", UriKind.Relative));
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, failedOpen.StatusCode);
        Assert.Equal("function ran|allow|Unreachable", await failedOpen.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"fail open took {clock.Elapsed}");

        using var refused = await closed.Client("visitor/1.0").GetAsync(new Uri("/api/orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(0, closed.FunctionRuns);
    }

    [Fact]
    public async Task An_invocation_without_an_HttpContext_runs_without_asking_Esper()
    {
        var services = new ServiceCollection().AddLogging();
        var worker = new TestWorkerApplicationBuilder(services);
        worker.UseEsper();

        // Nothing listens there: asking Esper would fail and show on the log; the point is that it is not asked.
        services.AddEsper(static o =>
        {
            o.ApiUrl = new Uri("http://127.0.0.1:9");
            o.ApiKey = AdminKey;
            o.FailureMode = EsperFailureMode.FailClosed;
        });
        await using var provider = services.BuildServiceProvider();
        var ran = false;
        var pipeline = worker.Build(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await pipeline(new TestFunctionContext(provider, http: null));

        Assert.True(ran);
    }

    [Fact]
    public async Task UseEsper_without_AddEsper_names_the_missing_call_at_the_first_invocation()
    {
        var services = new ServiceCollection();
        var worker = new TestWorkerApplicationBuilder(services);
        worker.UseEsper();
        await using var provider = services.BuildServiceProvider();
        var pipeline = worker.Build(static _ => Task.CompletedTask);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline(new TestFunctionContext(provider, new Microsoft.AspNetCore.Http.DefaultHttpContext())));

        Assert.Contains("AddEsper()", ex.Message, StringComparison.Ordinal);
    }

    private static Task<EsperHostProcess> StartEsperAsync() => EsperHostProcess.StartAsync(new HostProcessStart
    {
        AdminKey = AdminKey,
        Settings = new Dictionary<string, string> { ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0" },
    });

    private static ServiceProvider Admin(EsperHostProcess esper) =>
        new ServiceCollection().AddEsperClient(o =>
        {
            o.ApiUrl = esper.BaseAddress;
            o.ApiKey = AdminKey;
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        }).BuildServiceProvider();
}
