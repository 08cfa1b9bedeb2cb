using System.Diagnostics;
using System.Net;
using Esper.Host.Tests.Support;
using Esper.Testing;

namespace Esper.Host.Tests.Hostile;

/// <summary>
/// One real host process over the embedded store, shared by every hostile-input test, so each test also proves the
/// host survived the ones before it. No rate limit: the socket fuzzer sends far more than 1,200 requests a minute.
/// </summary>
public sealed class HostileHost : IAsyncLifetime
{
    /// <summary>Longest any hostile request may take to be answered: far above a real answer, so only a hang trips it.</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Slack on top of a documented server timeout before a slow client counts as not cut off: Kestrel checks its
    /// timeouts once a second, and a loaded machine is slower still.
    /// </summary>
    public static readonly TimeSpan TimeoutSlack = TimeSpan.FromSeconds(8);

    private EsperHostProcess? _process;

    public EsperHostProcess Process => _process ?? throw new InvalidOperationException("The host has not started.");

    public Uri BaseAddress => Process.BaseAddress;

    public int Port => BaseAddress.Port;

    public async Task InitializeAsync() =>
        _process = await EsperHostProcess.StartAsync(new HostProcessStart
        {
            AdminKey = EsperHost.AdminKey,
            Settings = new Dictionary<string, string> { ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0" },
        });

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client over a fresh connection pool, with <see cref="AnswerBound"/> as its timeout.</summary>
    internal EsperClient Client(string? key = EsperHost.AdminKey) => new(new HttpClient { BaseAddress = BaseAddress, Timeout = AnswerBound }, key);

    /// <summary>Sends through a fresh client and fails if the answer took longer than <see cref="AnswerBound"/>.</summary>
    internal async Task<ApiResult> TimedAsync(Func<EsperClient, Task<ApiResult>> send)
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        var result = await send(client);
        Assert.True(clock.Elapsed < AnswerBound, $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    /// <summary>The host is still up and a normal decision is still answered 200 with an action.</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.False(Process.HasExited, string.Join(Environment.NewLine, Process.Output));
        using var client = Client();
        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "198.51.100.7", path: "/healthy"));
        Assert.Equal(HttpStatusCode.OK, decision.Status);
        // Not necessarily allow: the socket fuzzer may have saved a policy of its own.
        Assert.Contains(decision.Str("action"), (string[])["allow", "challenge", "block"]);
    }
}
