using System.Diagnostics;

namespace Esper.Connectors.Testing;

/// <summary>Runs a command to completion within a bounded time and returns its output, failing with it on a non-zero exit.</summary>
internal static class Cli
{
    public static async Task<string> RunAsync(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within 8 minutes.");
        }

        var text = await output + await errors;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {text}");
    }
}
