using System.Globalization;
using System.Net;
using Esper.Host.Tests.Support;
using Microsoft.Playwright;

namespace Esper.Host.Tests.Console;

public sealed class ConsoleBrowserTests
{
    [Fact]
    public async Task Operator_signs_in_builds_a_policy_sees_results_move_and_reads_a_replay_diff_on_accessible_pages()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/actions", """{"id":"login","name":"Login","expression":"request.method == \"POST\" && request.path == \"/login\""}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation)).Status);
        await using var browser = await ConsoleBrowser.StartAsync();
        var page = browser.Page;

        await browser.SignInAsync(host);
        Assert.DoesNotContain(EsperHost.AdminKey, page.Url, StringComparison.Ordinal);

        // Builder: a new policy defaults to dry run; a bad match expression is flagged with its position while typing.
        await browser.OpenAsync("Builder", "Builder");
        Assert.Equal("dry_run", await page.GetByLabel("Status").InputValueAsync());
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("login-burst");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Login burst");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "login" }).CheckAsync();
        await page.GetByLabel("Mitigation").SelectOptionAsync("block-5m");
        await page.GetByLabel("Window (seconds)").FillAsync("60");
        await page.GetByLabel("Threshold").FillAsync("3");
        var match = page.GetByLabel("Match (optional)");
        await match.FillAsync("request.path == ");
        await Assertions.Expect(page.GetByText("Error at position 16")).ToBeVisibleAsync();
        await Assertions.Expect(match).ToHaveAttributeAsync("aria-invalid", "true");
        await match.FillAsync("request.path == \"/login\"");
        await Assertions.Expect(page.GetByText("Valid expression.")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync("builder");
        await browser.ScreenshotAsync("builder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "login-burst", Exact = true })).ToBeVisibleAsync();
        var saved = await client.GetAsync("/api/v1/policies/login-burst");
        Assert.Equal("dry_run", saved.Str("status"));

        // Results before and after traffic: the chart's total moves.
        await browser.OpenAsync("Results", "Results");
        await Assertions.Expect(page.Locator("#count-total")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#policy-results svg")).ToHaveAttributeAsync("data-total", "0");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
            host.Time.Advance(TimeSpan.FromSeconds(5));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        // Logins four to six go over the threshold of three: three firings, counted as blocks (and dry runs).
        await Assertions.Expect(page.Locator("#count-block")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#count-dry_run")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#policy-results svg")).ToHaveAttributeAsync("data-total", "3");
        await browser.AssertAccessibleAsync("results");
        await browser.ScreenshotAsync("results");

        await browser.OpenAsync("Overview", "Overview");
        await Assertions.Expect(page.Locator("#stat-total .stat")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("#traffic-state")).ToContainTextAsync("Yes");
        // The chart's table for screen readers (an hour of rows) is hidden without lengthening the page.
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height < 1800, $"the overview is {height.ToString(CultureInfo.InvariantCulture)} px tall");
        await browser.AssertAccessibleAsync("overview");
        await browser.ScreenshotAsync("overview");

        // Replay: the same policy, enforced, drafted in the builder and replayed over the recorded traffic.
        await browser.OpenAsync("Builder", "Builder");
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("login-burst");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Login burst");
        await page.GetByLabel("Status").SelectOptionAsync("active");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "login" }).CheckAsync();
        await page.GetByLabel("Mitigation").SelectOptionAsync("block-5m");
        await page.GetByLabel("Window (seconds)").FillAsync("60");
        await page.GetByLabel("Threshold").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay this draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Replay", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Draft policy (JSON)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"status\": \"active\""));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start replay" }).ClickAsync();
        await Assertions.Expect(page.Locator("#job-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.Locator("#diff-summary")).ToHaveTextAsync("3 of 6 decisions change: would block 3 more.");
        await browser.AssertAccessibleAsync("replay");
        await browser.ScreenshotAsync("replay");

        await browser.OpenAsync("Audit", "Audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "replay_job" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync("audit");
        await browser.ScreenshotAsync("audit");

        await browser.OpenAsync("Keys", "Keys");
        await page.GetByLabel("Name").FillAsync("checkout web app");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = await page.Locator("#new-secret").TextContentAsync();
        Assert.StartsWith("esk_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(secret).PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "198.51.100.9"))).Status);
        await browser.AssertAccessibleAsync("keys");
        await browser.ScreenshotAsync("keys");
        Assert.DoesNotContain(secret!, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_fits_a_phone_screen_and_works_from_the_keyboard()
    {
        using var host = EsperHost.Start();
        await using var browser = await ConsoleBrowser.StartAsync(width: 390, height: 844);
        var page = browser.Page;
        await page.GotoAsync(new Uri(host.BaseAddress, "/console/").ToString());
        await browser.AssertAccessibleAsync("sign-in");
        await browser.ScreenshotAsync("sign-in-phone");

        // Keyboard only: skip link, then the key field, then Enter.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.GetByLabel("Admin API key").FocusAsync();
        await page.Keyboard.TypeAsync(EsperHost.AdminKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync("overview-phone");
        await browser.ScreenshotAsync("overview-phone");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow.ToString(CultureInfo.InvariantCulture)} px wider than the phone screen");
        var csp = (await page.GotoAsync(new Uri(host.BaseAddress, "/console/").ToString()))!.Headers["content-security-policy"];
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
    }
}
