using System.Net;
using Esper.Client;
using Esper.Client.Guard;
using Esper.Connectors.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore.Tests.Middleware;

/// <summary>
/// What the middleware forwards and where it applies, observed through a real host: each policy blocks a request
/// only when Esper saw the forwarded value, so a 403 proves it was sent and a 200 proves it was not.
/// </summary>
public sealed class ForwardingTests(EsperHostFixture esper) : IClassFixture<EsperHostFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if ((await esper.Admin.Mitigations.GetAsync("now")) is not null)
        {
            return;
        }

        await esper.Admin.Mitigations.CreateAsync(new EsperMitigation { Id = "now", Name = "Block this request", Mode = "block", DurationSeconds = 0 });
        await BlockWhen("auth", "request.path == \"/auth\" && request.headers.authorization == \"Bearer s3cret\"");
        await BlockWhen("cookie", "request.path == \"/cookie\" && request.cookies.sid == \"abc\"");
        await BlockWhen("area", "fields.area == \"checkout\"");
        await BlockWhen("plan", "request.path == \"/plan\" && fields.plan == \"pro\"");
        await BlockWhen("blocked", "request.path.startsWith(\"/blocked\")");
        await BlockWhen("route", "request.route.id == \"42\"");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Authorization_is_forwarded_only_when_the_options_say_so()
    {
        await using var app = await StartAsync();
        await using var forwarding = await StartAsync(o => o.ForwardAuthorization = true);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/auth", ("Authorization", "Bearer s3cret")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(forwarding, "/auth", ("Authorization", "Bearer s3cret")));
    }

    [Fact]
    public async Task Cookie_values_are_forwarded_only_for_allowed_names()
    {
        await using var app = await StartAsync();
        await using var allowing = await StartAsync(o => o.CookieValues.Add("sid"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/cookie", ("Cookie", "sid=abc")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(allowing, "/cookie", ("Cookie", "sid=abc")));
    }

    [Fact]
    public async Task Endpoint_fields_callback_fields_and_route_values_reach_Esper()
    {
        await using var app = await StartAsync(o => o.Fields = static c => c.Request.Headers.ContainsKey("X-Pro") ? [new("plan", "pro")] : null);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, "/checkout"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, "/plan", ("X-Pro", "1")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/plan"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, "/items/42"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/items/7"));
    }

    [Fact]
    public async Task SkipEsper_RequireEsper_opt_in_and_path_filters_choose_what_is_checked()
    {
        await using var app = await StartAsync();
        await using var optIn = await StartAsync(o => o.RequireOptIn = true);
        await using var excluding = await StartAsync(o => o.ExcludePaths.Add("/blocked"));
        await using var including = await StartAsync(o => o.IncludePaths.Add("/elsewhere"));

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, "/blocked/a"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/blocked/skip"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(optIn, "/blocked/a"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(optIn, "/blocked/required"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(excluding, "/blocked/a"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(excluding, "/blocked/required"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(including, "/blocked/a"));
    }

    [Fact]
    public async Task Monitor_mode_asks_and_records_but_never_enforces()
    {
        await using var monitor = await StartAsync(o => o.Mode = EsperMode.Monitor);
        using var client = monitor.Client("monitor/1.0");

        using var response = await client.GetAsync(new Uri("/blocked/feature", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("block|False||False|dec_", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_status_and_body_can_be_replaced()
    {
        await using var app = await StartAsync(o => o.OnDenied = static async (context, verdict) =>
        {
            context.Response.StatusCode = 418;
            context.Response.Headers["X-Esper-Decision"] = verdict.Decision?.DecisionId;
            await context.Response.WriteAsync("no");
        });
        using var client = app.Client("custom/1.0");

        using var response = await client.GetAsync(new Uri("/blocked/a", UriKind.Relative));

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.StartsWith("dec_", response.Headers.GetValues("X-Esper-Decision").Single(), StringComparison.Ordinal);
        Assert.Equal("no", await response.Content.ReadAsStringAsync());
    }

    private async Task BlockWhen(string id, string match) => await esper.Admin.Policies.CreateAsync(new EsperPolicy
    {
        Id = id,
        Name = id,
        Clauses = [new EsperClause { Match = match, MitigationId = "now" }],
    });

    private Task<TestApp> StartAsync(Action<EsperOptions>? configure = null) =>
        TestApp.StartAsync(esper.BaseAddress, configure, endpoints: static app =>
        {
            app.MapGet("/auth", () => "auth");
            app.MapGet("/cookie", () => "cookie");
            app.MapGet("/checkout", () => "checkout").WithEsperFields(("area", "checkout"));
            app.MapGet("/plan", () => "plan");
            app.MapGet("/items/{id}", (string id) => id);
            app.MapGet("/blocked/a", () => "a");
            app.MapGet("/blocked/skip", () => "skip").SkipEsper();
            app.MapGet("/blocked/required", () => "required").RequireEsper();
            app.MapGet("/blocked/feature", (Microsoft.AspNetCore.Http.HttpContext context) =>
            {
                var verdict = context.Features.Get<IEsperDecisionFeature>()!.Verdict;
                return $"{verdict.Action}|{verdict.Enforced}|{verdict.Failure}|{verdict.Remembered}|{verdict.Decision?.DecisionId}";
            });
        });

    private static async Task<HttpStatusCode> StatusAsync(TestApp app, string path, params (string Name, string Value)[] headers)
    {
        using var client = app.Client("forwarding/1.0");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
