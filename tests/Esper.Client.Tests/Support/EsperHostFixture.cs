using Esper.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Connectors.Testing;

/// <summary>One Esper host per test class, with an admin <see cref="IEsperClient"/> to set up policies.</summary>
public sealed class EsperHostFixture : IAsyncLifetime
{
    private EsperHostProcess? _host;
    private ServiceProvider? _services;

    public Uri BaseAddress => Host.BaseAddress;

    public IEsperClient Admin => _services!.GetRequiredService<IEsperClient>();

    internal EsperHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync()
    {
        _host = await EsperHostProcess.StartAsync();
        _services = new ServiceCollection()
            .AddEsperClient(o =>
            {
                o.ApiUrl = _host.BaseAddress;
                o.ApiKey = EsperHostProcess.AdminKey;
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
                o.DecisionTimeout = TimeSpan.FromSeconds(15);
            })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _host?.Dispose();
    }
}
