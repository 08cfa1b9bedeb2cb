using Esper.Storage.KeyValue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Bench.MemStoreHost;

/// <summary>Stops the diagnostic host before it serves a request if the host's composition picked another store.</summary>
internal sealed class MemoryStoreCheck : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var store = app.ApplicationServices.GetRequiredService<IKeyValueStore>();
        if (store is not DiagnosticMemoryStore)
        {
            throw new InvalidOperationException($"The diagnostic host composed {store.GetType().Name}, not the in-memory store: the host's store registration no longer yields to one registered first.");
        }

        Console.WriteLine("esper-memstore: diagnostic host on an in-memory store (nothing is kept)");
        next(app);
    };
}
