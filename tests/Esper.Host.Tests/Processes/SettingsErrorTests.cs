using System.Diagnostics;
using Esper.Host.Tests.Support;
using Esper.Testing;

namespace Esper.Host.Tests.Processes;

public sealed class SettingsErrorTests
{
    [Fact]
    public async Task A_host_with_refused_settings_exits_with_2_naming_every_one_of_them()
    {
        var dataDir = TempDir.Create();
        var start = new ProcessStartInfo("dotnet", [EsperHostProcess.HostDll(), "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        start.Environment["ESPER_DATA_DIR"] = dataDir;
        start.Environment["ESPER_STORE"] = "dynamodb";
        start.Environment["ESPER_RATE_LIMIT_PER_MINUTE"] = "lots";
        start.Environment["ESPER_POW_DIFFICULTY"] = "hard";
        foreach (var name in new[] { "ESPER_DYNAMODB_TABLE", "ESPER_DYNAMODB_REGION", "AWS_REGION" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var message = await errors;
        Assert.Contains("ESPER_DYNAMODB_TABLE", message, StringComparison.Ordinal);
        Assert.Contains("ESPER_RATE_LIMIT_PER_MINUTE", message, StringComparison.Ordinal);
        Assert.Contains("ESPER_POW_DIFFICULTY", message, StringComparison.Ordinal);
    }
}
