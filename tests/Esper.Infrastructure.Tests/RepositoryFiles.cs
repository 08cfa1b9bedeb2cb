using System.Diagnostics;
using System.Reflection;
using Esper.Testing;

namespace Esper.Infrastructure.Tests;

/// <summary>Paths of the repository's templates and tools, and a way to run those tools.</summary>
internal static class RepositoryFiles
{
    public static string Root => RepositoryRoot.Path;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package this project restores.</summary>
    public static string Bicep()
    {
        var package = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackage").Value!;
        return System.IO.Path.Combine(package, "tools", "bicep");
    }

    /// <summary>A node tool from the repository's node_modules (installed by <c>npm ci</c>, which test.sh runs).</summary>
    public static string NodeTool(string name)
    {
        var tool = Path("node_modules", ".bin", name);
        return File.Exists(tool) ? tool : throw new InvalidOperationException($"{tool} is missing: run `npm ci` at the repository root.");
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep tools from looking for updates or sending usage data: nothing may leave the machine.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
