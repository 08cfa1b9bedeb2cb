using System.Runtime.InteropServices;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Lowers the CPU priority of the calling thread (Linux: its nice value, which the kernel keeps per thread), so that
/// background work such as checkpoints takes the CPU the answers leave idle instead of taking turns with them.
/// Elsewhere, and when the call fails, the thread keeps its priority.
/// </summary>
internal static class SqliteBackgroundPriority
{
    /// <summary>
    /// How much background threads lower their nice value: a thread 10 steps nicer gets about a tenth of the CPU time
    /// of the others when both are ready to run, and all of it when nothing else is.
    /// </summary>
    public const int NiceSteps = 10;

    private const int MaxNice = 19;
    private const int PriorityProcess = 0;

    /// <summary>Lowers the calling thread's priority by <see cref="NiceSteps"/> (at most to nice 19); true when it was lowered.</summary>
    public static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // With PRIO_PROCESS and who = 0, Linux reads and sets the calling thread's value only. The value is
            // absolute, so it is computed from the current one: a process started with `nice` keeps its order.
            var current = GetPriority(PriorityProcess, 0);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return false;
            }

            return SetPriority(PriorityProcess, 0, Math.Min(MaxNice, current + NiceSteps)) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);
}
