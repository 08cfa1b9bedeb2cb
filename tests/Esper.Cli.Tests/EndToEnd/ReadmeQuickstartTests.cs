using System.Text.RegularExpressions;
using Esper.Testing;

namespace Esper.Cli.Tests.EndToEnd;

/// <summary>The README's CLI quickstart, run as written with the installed tool on PATH against a fresh host.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed partial class ReadmeQuickstartTests(InstalledTool tool) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esper-cli-readme", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task The_readme_cli_quickstart_blocks_the_sixth_login_and_shows_it_in_results()
    {
        var readme = await File.ReadAllTextAsync(RepositoryRoot.Combine("README.md"));
        var block = CliBlock().Match(readme).Groups[1].Value;
        Assert.Contains("esper policy apply --dir esper", block, StringComparison.Ordinal);
        var work = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;
        var hostData = Directory.CreateDirectory(Path.Combine(_root, "host")).FullName;
        var script = Path.Combine(work, "quickstart.sh");
        await File.WriteAllTextAsync(script, "set -e\n" + block);
        using var host = await EsperHostProcess.StartAsync(hostData);

        var run = await ProcessRunner.RunAsync("bash", [script], new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(tool.Executable) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["ESPER_HOME"] = Path.Combine(_root, "home"),
            ["ESPER_URL"] = host.Url,
            ["ESPER_KEY"] = EsperHostProcess.AdminKey,
            ["NO_COLOR"] = "1",
        }, work);

        Assert.True(run.ExitCode == 0, run.Error);
        var decisions = run.Output.Split('\n').Where(l => l.Contains("\"decision_id\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, decisions.Count);
        Assert.Contains("\"action\":\"block\"", decisions[5], StringComparison.Ordinal);
        Assert.Matches(ResultsRow(), run.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [GeneratedRegex("```sh\\n(esper init.*?)```", RegexOptions.Singleline)]
    private static partial Regex CliBlock();

    // POLICY NAME TOTAL OBSERVE CHALLENGE BLOCK: one decision fired the policy, and it blocked.
    [GeneratedRegex(@"login-burst\s+Login burst\s+1\s+0\s+0\s+1\s")]
    private static partial Regex ResultsRow();
}
