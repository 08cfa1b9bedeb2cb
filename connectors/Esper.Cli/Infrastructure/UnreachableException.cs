namespace Esper.Cli.Infrastructure;

/// <summary>Esper could not be reached: exit code 3.</summary>
internal sealed class UnreachableException(string apiBase, string reason, Exception? inner = null)
    : CliException($"Cannot reach Esper at {apiBase}: {reason}", inner)
{
    public override int ExitCode => ExitCodes.Unreachable;
}
