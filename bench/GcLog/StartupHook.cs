// The runtime calls StartupHook.Initialize (a type outside any namespace) before Main when this assembly is listed in
// DOTNET_STARTUP_HOOKS. It starts one background thread that writes a line per garbage collection to the file named by
// ESPER_GC_LOG: when it ended, its index, generation, kind, pause, promoted bytes and heap size. Diagnostic only.
#pragma warning disable CA1050 // the runtime looks the type up by this exact name, outside any namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable("ESPER_GC_LOG");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var thread = new Thread(() => Esper.Bench.GcLog.GcWatcher.Run(path)) { IsBackground = true, Name = "gc-log" };
        thread.Start();
    }
}
