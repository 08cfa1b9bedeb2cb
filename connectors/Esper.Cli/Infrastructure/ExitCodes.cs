namespace Esper.Cli.Infrastructure;

/// <summary>The process exit codes of <c>esper</c>; scripts rely on them, so they never change.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line, a file or the workspace is wrong; nothing was sent to Esper.</summary>
    public const int Usage = 1;

    /// <summary>Esper answered with an error (problem+json); its detail and field were printed.</summary>
    public const int Api = 2;

    /// <summary>Esper could not be reached (connection refused, DNS, timeout).</summary>
    public const int Unreachable = 3;

    /// <summary>Another process holds what the command needs: <c>esper run</c> over a home whose daemon is already running.</summary>
    public const int Busy = 4;
}
