using System.Reflection;

// Diagnostic only: starts the Esper host's own Program (functions/Esper.Host) in this process, whose entry assembly
// carries the hosting startup that puts the in-memory store under it (MemoryStoreStartup). Same settings, same
// Kestrel limits, same routes and handler; only the store differs. bench/run.sh runs it as the esper-memstore target.
var host = Assembly.Load("Esper.Host").EntryPoint ?? throw new InvalidOperationException("Esper.Host has no entry point.");
return host.Invoke(null, [args]) is int code ? code : 1;
