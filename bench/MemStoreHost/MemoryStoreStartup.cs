using Esper.Bench.MemStoreHost;
using Esper.Storage.KeyValue;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(MemoryStoreStartup))]

namespace Esper.Bench.MemStoreHost;

/// <summary>
/// Registers <see cref="DiagnosticMemoryStore"/> before the host's own registrations run: the stores register
/// themselves with TryAdd, so the host composes the shared handler (<c>AddEsperApi</c>) over this store instead of
/// the embedded one, and everything else is the host's own. A startup filter refuses to serve if it did not.
/// </summary>
internal sealed class MemoryStoreStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(static services =>
    {
        services.AddSingleton<IKeyValueStore>(static sp => new DiagnosticMemoryStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStartupFilter, MemoryStoreCheck>();
    });
}
