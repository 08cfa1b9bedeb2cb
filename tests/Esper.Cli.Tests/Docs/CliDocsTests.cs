using System.Reflection;
using System.Text.RegularExpressions;
using Esper.Cli.Infrastructure;
using Esper.Cli.Tests.Support;
using Esper.Testing;
using Spectre.Console.Cli;

namespace Esper.Cli.Tests.Docs;

/// <summary>
/// docs/cli.md keeps up with the tool: every command, every flag and every exit code is described there. The hybrid
/// commands (sync, run, capture) have their own issue and pages; here they only need a mention.
/// </summary>
public sealed partial class CliDocsTests
{
    private static readonly string[] ResourceKinds = ["action", "entity", "mitigation", "policy"];

    private static readonly string[] Hybrid = ["sync", "run", "capture"];

    private static string Docs => File.ReadAllText(RepositoryRoot.Combine("docs", "cli.md"));

    [Fact]
    public void Every_flag_of_every_command_is_documented()
    {
        var docs = Docs;
        var flags = typeof(CliApp).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandSettings)) && t.Namespace?.EndsWith(".Hybrid", StringComparison.Ordinal) != true)
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(o => o.LongNames)
            .Select(n => "--" + n)
            .Distinct()
            .ToList();

        Assert.Contains("--key-field", flags);
        // The flag as a whole word: --status does not count as --status-code.
        Assert.All(flags, flag => Assert.True(Regex.IsMatch(docs, $@"(?<![\w-]){Regex.Escape(flag)}(?![\w-])"), $"docs/cli.md does not mention {flag}"));
    }

    [Fact]
    public void Every_exit_code_is_documented()
    {
        var docs = Docs;
        var codes = typeof(ExitCodes).GetFields().Select(f => (int)f.GetRawConstantValue()!).ToList();

        Assert.Equal([0, 1, 2, 3, 4], codes.Order());
        Assert.All(codes, code => Assert.Contains($"\n| {code} | ", docs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_command_in_the_help_is_documented()
    {
        using var cli = new CliHarness();
        var docs = Docs;
        var topLevel = Commands((await cli.RunAsync("--help")).Output);
        var missing = new List<string>();

        Assert.Contains("audit", topLevel);
        foreach (var command in topLevel)
        {
            var subcommands = Hybrid.Contains(command) ? new List<string>() : Commands((await cli.RunAsync(command, "--help")).Output);
            if (subcommands.Count == 0)
            {
                Check($"esper {command}");
            }

            foreach (var sub in subcommands)
            {
                // The four resource kinds share their commands; the docs list them once, as table rows.
                Check(ResourceKinds.Contains(command) ? $"| `{sub}" : $"esper {command} {sub}");
            }
        }

        Assert.Empty(missing);

        void Check(string text)
        {
            if (!docs.Contains(text, StringComparison.Ordinal))
            {
                missing.Add(text);
            }
        }
    }

    private static List<string> Commands(string help)
    {
        var at = help.IndexOf("COMMANDS:", StringComparison.Ordinal);
        return at < 0 ? [] : [.. CommandLine().Matches(help[at..]).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^\s{4}([a-z][a-z-]*)\b", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
