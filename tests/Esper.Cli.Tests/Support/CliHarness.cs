using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace Esper.Cli.Tests.Support;

/// <summary>
/// Runs the real command tree in process through Spectre's <see cref="CommandAppTester"/>, with the workspace in a
/// fresh <c>ESPER_HOME</c> and the API given by the test.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public CliHarness(IEsperApiFactory? api = null)
    {
        Home = Path.Combine(Path.GetTempPath(), "esper-cli-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Home);
        _variables["ESPER_HOME"] = Home;
        Api = api ?? new ThrowingApiFactory();
    }

    public string Home { get; }

    public IEsperApiFactory Api { get; }

    public CliHarness With(string variable, string value)
    {
        _variables[variable] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var error = new StringWriter();
        var environment = new CliEnvironment(console, error, name => _variables.GetValueOrDefault(name), Home, outputIsTerminal: false);
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton(Api);
        var tester = new CommandAppTester(new TypeRegistrar(services), new CommandAppTesterSettings { TrimConsoleOutput = false }, console);
        tester.Configure(config => CliApp.Configure(config, environment));
        var result = await tester.RunAsync(ArgumentOrder.Normalize(args));
        return new CliResult(result.ExitCode, console.Output, error.ToString());
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Home, "files", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed class ThrowingApiFactory : IEsperApiFactory
    {
        public IEsperApi Create(Esper.Cli.Workspace.Connection connection) => throw new InvalidOperationException("this test must not call Esper");
    }
}
