using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Esper.Client;
using Esper.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Client.Tests.Runtime;

public sealed class UnavailableTests
{
    private static readonly EsperEvent Request = new() { Request = new EsperRequest { Method = "GET", Path = "/" } };

    [Fact]
    public async Task Nothing_listening_is_reported_as_unreachable()
    {
        var closed = new Uri($"http://127.0.0.1:{EsperHostProcess.FreePort()}");
        // Generous budgets: a refused connection answers at once, so they only matter on a busy machine.
        await using var services = ClientFactory.Build(closed, "esk_default_x", o =>
        {
            o.MaxRetries = 1;
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        });
        var client = services.GetRequiredService<IEsperClient>();

        var ex = await Assert.ThrowsAsync<EsperUnavailableException>(() => client.DecideAsync(Request));

        Assert.Equal(EsperUnavailableReason.Unreachable, ex.Reason);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_within_the_decision_timeout()
    {
        // Accepts connections and reads nothing: the socket stays open, no answer ever comes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        await using var services = ClientFactory.Build(url, "esk_default_x", o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.DecisionTimeout = TimeSpan.FromMilliseconds(300);
        });
        var client = services.GetRequiredService<IEsperClient>();

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<EsperUnavailableException>(() => client.DecideAsync(Request));
        clock.Stop();

        Assert.Equal(EsperUnavailableReason.Timeout, ex.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_unavailability()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        await using var services = ClientFactory.Build(url, "esk_default_x", o => o.DecisionTimeout = TimeSpan.FromSeconds(30));
        var client = services.GetRequiredService<IEsperClient>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DecideAsync(Request, cancel.Token));
    }
}
