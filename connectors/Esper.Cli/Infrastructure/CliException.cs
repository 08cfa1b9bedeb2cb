namespace Esper.Cli.Infrastructure;

/// <summary>An expected failure of a command: its message is printed as one line and the process exits with <see cref="ExitCode"/>.</summary>
internal abstract class CliException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public abstract int ExitCode { get; }
}
