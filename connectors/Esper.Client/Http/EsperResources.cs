using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Esper.Client.Http;

/// <summary>One config kind over the control API, (de)serialised with source-generated metadata.</summary>
internal sealed class EsperResources<T>(IEsperControlApi api, string kind, JsonTypeInfo<T> item, JsonTypeInfo<ItemList<T>> list) : IEsperResources<T>
    where T : EsperResource
{
    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            using var response = await api.ListAsync(kind, ct).ConfigureAwait(false);
            await ProblemReader.EnsureSuccessAsync(response, ct).ConfigureAwait(false);
            var items = await response.Content.ReadFromJsonAsync(list, ct).ConfigureAwait(false);
            return items?.Items ?? [];
        }, cancellationToken);

    public Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            using var response = await api.GetAsync(kind, id, ct).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Versioned<T>> CreateAsync(T resource, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            using var response = await api.CreateAsync(kind, JsonContent.Create(resource, item), ct).ConfigureAwait(false);
            return await ReadAsync(response, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Versioned<T>> ReplaceAsync(string id, T resource, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            using var response = await api.ReplaceAsync(kind, id, JsonContent.Create(resource, item), ifMatch, ct).ConfigureAwait(false);
            return await ReadAsync(response, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Versioned<T>> PatchAsync(string id, JsonObject patch, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            var content = JsonContent.Create(patch, EsperJsonContext.Default.JsonObject);
            using var response = await api.PatchAsync(kind, id, content, ifMatch, ct).ConfigureAwait(false);
            return await ReadAsync(response, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task DeleteAsync(string id, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            using var response = await api.DeleteAsync(kind, id, ifMatch, ct).ConfigureAwait(false);
            await ProblemReader.EnsureSuccessAsync(response, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<Versioned<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ProblemReader.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var value = await response.Content.ReadFromJsonAsync(item, cancellationToken).ConfigureAwait(false)
            ?? throw new EsperApiException("Esper answered an empty body for a " + kind + " resource.");
        var etag = response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null;
        return new Versioned<T>(value, etag);
    }
}
