using Deque.AxeCore.Playwright;
using Esper.Host.Tests.Support;
using Esper.Testing;
using Microsoft.Playwright;

namespace Esper.Host.Tests.Console;

/// <summary>
/// Playwright over Debian's headless Chromium (no browser download) on a page of the console, with the checks every
/// page shares: axe-core finds no serious or critical violation, and a screenshot lands in a temporary folder (or in
/// docs/console/ with ESPER_UPDATE_SCREENSHOTS=1).
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _scriptErrors = [];

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<ConsoleBrowser> StartAsync(int width = 1280, int height = 900)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Challenge.Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        // A shared, loaded machine: generous bounds, each ending as soon as its condition holds.
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var console = new ConsoleBrowser(playwright, browser, page);
        page.PageError += (_, error) => console._scriptErrors.Add(error);
        return console;
    }

    public async Task SignInAsync(EsperHost host)
    {
        await Page.GotoAsync(new Uri(host.BaseAddress, "/console/").ToString());
        Assert.True(_scriptErrors.IsEmpty, "script errors: " + string.Join("; ", _scriptErrors));
        await Page.GetByLabel("Admin API key").FillAsync(EsperHost.AdminKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
    }

    public async Task OpenAsync(string page, string heading)
    {
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = page, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, or on any script error so far.</summary>
    public async Task AssertAccessibleAsync(string name)
    {
        Assert.True(_scriptErrors.IsEmpty, $"{name}: script errors: " + string.Join("; ", _scriptErrors));
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("ESPER_UPDATE_SCREENSHOTS") == "1"
            ? RepositoryRoot.Combine("docs", "console")
            : Path.Combine(Path.GetTempPath(), "esper-console-screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
