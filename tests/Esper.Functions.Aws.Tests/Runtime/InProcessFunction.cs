using Esper.Api.Http;
using Esper.Api.Runtime;
using Esper.Functions.Aws.Runtime;

namespace Esper.Functions.Aws.Tests.Runtime;

/// <summary>The function's runtime loop running in this process against a <see cref="FakeRuntimeApi"/>.</summary>
internal sealed class InProcessFunction : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly RuntimeApiClient _client;
    private readonly Task _loop;

    private InProcessFunction(FakeRuntimeApi api, IApiHandler handler)
    {
        Api = api;
        _client = new RuntimeApiClient(api.Address);
        _loop = new RuntimeLoop(_client, new HttpEventFunction(handler), new PendingRecordings(), TimeProvider.System).RunAsync(_stop.Token);
    }

    public FakeRuntimeApi Api { get; }

    public static async Task<InProcessFunction> StartAsync(IApiHandler handler) =>
        new(await FakeRuntimeApi.StartAsync(), handler);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _client.Dispose();
        _stop.Dispose();
        await Api.DisposeAsync();
    }
}
