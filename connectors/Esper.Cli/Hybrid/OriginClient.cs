using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Esper.Cli.Infrastructure;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The origin calls of the hybrid commands: the config snapshot (conditional GET with the cached ETag) and the
/// active-mitigations feed. One instance per command or daemon; it owns its <see cref="HttpClient"/>.
/// </summary>
internal sealed class OriginClient : IDisposable
{
    /// <summary>Default time a call may take before origin counts as unreachable.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public OriginClient(Uri apiBase, string apiKey, TimeSpan? timeout = null)
    {
        _http = new HttpClient { BaseAddress = apiBase, Timeout = timeout ?? DefaultTimeout };
        _http.DefaultRequestHeaders.Add("x-esper-api-key", apiKey);
        ApiBase = apiBase;
    }

    public Uri ApiBase { get; }

    /// <summary>The snapshot, or null with the same ETag when origin answers 304 to <paramref name="etag"/>.</summary>
    public async Task<(JsonObject? Snapshot, string? ETag)> GetConfigAsync(string? etag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/hybrid/config");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answeredTag = response.Headers.ETag?.ToString();
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return (null, answeredTag ?? etag);
        }

        var body = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return (body.AsObject(), answeredTag);
    }

    /// <summary>One page of the active-mitigations feed after <paramref name="since"/>.</summary>
    public async Task<JsonObject> GetActiveMitigationsAsync(string? since, CancellationToken cancellationToken)
    {
        var path = since is null ? "api/v1/hybrid/mitigations?limit=500" : $"api/v1/hybrid/mitigations?limit=500&since={Uri.EscapeDataString(since)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, cancellationToken).ConfigureAwait(false)).AsObject();
    }

    /// <summary>Posts a batch of events to origin's beacon: accepted (202), refused as invalid (400, 413), or to retry (anything else, unreachable included).</summary>
    public async Task<ForwardResult> PostBeaconAsync(ReadOnlyMemory<byte> jsonArray, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/beacon/event")
        {
            Content = new ReadOnlyMemoryContent(jsonArray) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } },
        };
        try
        {
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted => ForwardResult.Accepted,
                HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => ForwardResult.Rejected,
                _ => ForwardResult.Retry,
            };
        }
        catch (UnreachableException)
        {
            return ForwardResult.Retry;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UnreachableException(ApiBase.ToString(), ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnreachableException(ApiBase.ToString(), "timed out", ex);
        }
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new OriginRefusedException((int)response.StatusCode, text);
        }

        return JsonNode.Parse(text) ?? throw new OriginRefusedException((int)response.StatusCode, "an empty body");
    }
}
