using System.Buffers;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Esper.Client.Http;

/// <summary>
/// The one hot call, <c>POST /api/v1/runtime/mitigation</c>, sent with the runtime <see cref="HttpClient"/> directly
/// instead of through Refit: the same named client, so the same API key handler and resilience pipeline (timeouts,
/// retries with the body's idempotency key, circuit breaker). Refit's per-call request building, its closures and
/// its serializer stream were most of the client's own allocations on every request.
/// </summary>
internal sealed class DecisionChannel
{
    private const string DecisionPath = "/api/v1/runtime/mitigation";
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _http;
    private readonly Uri _decisionUrl;

    public DecisionChannel(IHttpClientFactory factory, IOptions<EsperClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);

        // One client for the app's life: the runtime client's handler never expires (connections are recycled instead).
        _http = factory.CreateClient(EsperHttpClients.Runtime);

        // As Refit does: the route follows the base URL's own path, if it has one.
        var baseUrl = options.Value.ApiUrl ?? throw new InvalidOperationException("Esper ApiUrl is not set.");
        _decisionUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + DecisionPath);
    }

    public async Task<EsperDecision> DecideAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _decisionUrl) { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.ContentType = Json;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not EsperApiException && EsperCalls.Unavailable(ex, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    // A decision is small: read it whole into a pooled array and parse it in one go, instead of the serializer's
    // asynchronous stream reader and its state.
    private static async Task<EsperDecision> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Not sized from Content-Length: reading that header materialises it on every call.
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var length = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                return DecisionReader.Read(buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
