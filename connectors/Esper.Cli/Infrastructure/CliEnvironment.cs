using Spectre.Console;

namespace Esper.Cli.Infrastructure;

/// <summary>What a command may touch outside its arguments: the consoles, environment variables and the user's home.</summary>
internal sealed class CliEnvironment(IAnsiConsole output, TextWriter error, Func<string, string?> variables, string userHome, bool outputIsTerminal)
{
    /// <summary>Standard output (tables, JSON).</summary>
    public IAnsiConsole Output { get; } = output;

    /// <summary>Standard error (one-line failures, progress when output is JSON).</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether standard output is an interactive terminal (progress and colours only then).</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    /// <summary>The user's home directory (the workspace defaults to <c>~/.esper</c>).</summary>
    public string UserHome { get; } = userHome;

    public string? Variable(string name) => variables(name) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Colours (and other ANSI sequences) only when standard output is a terminal and <c>NO_COLOR</c> is unset or
    /// empty (https://no-color.org: any non-empty value turns them off).
    /// </summary>
    public static bool UsesColours(bool outputIsTerminal, string? noColor) => outputIsTerminal && string.IsNullOrEmpty(noColor);

    /// <summary>The real process: colours only on a terminal without <c>NO_COLOR</c>.</summary>
    public static CliEnvironment FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        var colours = UsesColours(terminal, Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colours ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colours ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (!terminal)
        {
            // Redirected output is read by programs: never wrap a table row to an imagined 80 columns.
            console.Profile.Width = 240;
        }

        return new CliEnvironment(console, Console.Error, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), terminal);
    }
}
