namespace Esper.Cli.Infrastructure;

/// <summary>A wrong flag, file, reference or workspace: exit code 1, nothing sent to Esper.</summary>
internal sealed class UsageException(string message) : CliException(message)
{
    public override int ExitCode => ExitCodes.Usage;
}
