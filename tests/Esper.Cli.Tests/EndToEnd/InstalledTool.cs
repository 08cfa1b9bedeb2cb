using System.Reflection;
using Esper.Cli.Tests.Support;
using Esper.Testing;

namespace Esper.Cli.Tests.EndToEnd;

/// <summary>
/// The <c>esper</c> tool as a user gets it: <c>dotnet pack</c> into a local folder feed, then
/// <c>dotnet tool install --tool-path &lt;tmp&gt; --add-source &lt;feed&gt; Esper.Cli</c> with a NuGet config that knows only
/// that feed, under a version no other feed can have, and a package folder of its own (the user's stays clean). Shared by the end-to-end tests; removed afterwards.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esper-cli-e2e", Guid.NewGuid().ToString("n"));

    /// <summary>The configuration this test assembly was built in; the tool was built beside it, so pack does not build again.</summary>
    private static string Configuration => typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    public string Executable { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        Directory.CreateDirectory(feed);
        var version = $"0.0.0-e2e.{Guid.NewGuid().ToString("n")[..12]}";
        var project = RepositoryRoot.Combine("connectors", "Esper.Cli", "Esper.Cli.csproj");

        var pack = await ProcessRunner.RunAsync("dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={version}"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack.Output + pack.Error);

        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var install = await ProcessRunner.RunAsync("dotnet",
            ["tool", "install", "--tool-path", tools, "--add-source", feed, "--configfile", config, "--version", version, "Esper.Cli"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") },
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, "dotnet tool install failed: " + install.Output + install.Error);

        Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "esper.exe" : "esper");
        Assert.True(File.Exists(Executable), "the tool path has no esper command");
    }

    internal Task<CliResult> RunAsync(string home, params string[] args) =>
        ProcessRunner.RunAsync(Executable, args, new Dictionary<string, string> { ["ESPER_HOME"] = home, ["NO_COLOR"] = "1" });

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        return Task.CompletedTask;
    }
}
