using Spectre.Console.Cli;

namespace Esper.Cli.Infrastructure;

/// <summary>Turns any failure into one line on standard error and the documented exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = exception switch
        {
            CliException cli => (cli.ExitCode, cli.Message),
            CommandParseException parse => (ExitCodes.Usage, Flatten(parse.Message) + " (esper --help)"),
            CommandRuntimeException runtime => (ExitCodes.Usage, Flatten(runtime.Message)),
            CommandConfigurationException config => (ExitCodes.Usage, Flatten(config.Message)),
            OperationCanceledException => (ExitCodes.Usage, "cancelled"),
            _ => (ExitCodes.Api, "unexpected failure: " + Flatten(exception.Message)),
        };
        error.WriteLine("error: " + message);
        return code;
    }

    private static string Flatten(string text) => text.ReplaceLineEndings(" ").Trim();
}
