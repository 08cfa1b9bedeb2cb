using System.Diagnostics;
using System.Text.RegularExpressions;
using Esper.Host.Tests.Support;
using Esper.Testing;

namespace Esper.Host.Tests.Docs;

public sealed partial class QuickstartTests
{
    // The README carries the same quickstart as docs/quickstart.md; both run as written. Only ```bash blocks are the
    // quickstart: the run and test commands are fenced as ```sh so this never starts a second host or the suite.
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/quickstart.md")]
    public async Task Quickstart_curl_lines_run_as_written_produce_a_block(string page)
    {
        var markdown = await File.ReadAllTextAsync(RepositoryRoot.Combine(page));
        var script = string.Join('\n', BashBlock().Matches(markdown).Select(m => m.Groups[1].Value));
        Assert.Contains("curl", script, StringComparison.Ordinal);
        var dataDir = TempDir.Create();
        var scriptPath = Path.Combine(dataDir, "quickstart.sh");
        await File.WriteAllTextAsync(scriptPath, script);
        using var host = await HostProcess.StartAsync(dataDir);

        var start = new ProcessStartInfo("bash", [scriptPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ESPER_URL"] = host.BaseAddress.ToString().TrimEnd('/');
        start.Environment["ESPER_KEY"] = EsperHost.AdminKey;
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, errors);
        var decisions = output.Split('\n').Where(l => l.Contains("\"decision_id\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, decisions.Count);
        Assert.All(decisions.Take(5), d => Assert.Contains("\"action\":\"allow\"", d, StringComparison.Ordinal));
        Assert.Contains("\"action\":\"block\"", decisions[5], StringComparison.Ordinal);
        Assert.Contains("\"block\":1", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
