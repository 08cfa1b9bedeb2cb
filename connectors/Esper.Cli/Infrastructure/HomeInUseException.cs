namespace Esper.Cli.Infrastructure;

/// <summary>Another process (an <c>esper run</c> or a host) owns the home's embedded store: exit code 4.</summary>
internal sealed class HomeInUseException(string home, Exception inner)
    : CliException(
        $"{home} is in use: another esper run (or a host over its data directory) holds its embedded store. " +
        "One daemon runs per home: stop the other one, or give this one its own ESPER_HOME.",
        inner)
{
    public override int ExitCode => ExitCodes.Busy;
}
