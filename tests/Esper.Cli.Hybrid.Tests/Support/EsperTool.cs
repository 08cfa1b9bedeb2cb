using System.Diagnostics;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>Runs the built <c>esper</c> tool as its own process with its workspace in <see cref="Home"/> (ESPER_HOME).</summary>
internal sealed class EsperTool(string home)
{
    public string Home { get; } = home;

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Paths.EsperDll(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ESPER_HOME"] = Home;
        start.Environment.Remove("ESPER_API_KEY");
        start.Environment.Remove("ESPER_API_URL");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
