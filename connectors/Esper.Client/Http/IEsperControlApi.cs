using Refit;

namespace Esper.Client.Http;

/// <summary>The control-plane routes: config CRUD (raw answers, for ETags and not-found), keys, results, audit.</summary>
internal interface IEsperControlApi
{
    [Get("/api/v1/{kind}")]
    Task<HttpResponseMessage> ListAsync(string kind, CancellationToken cancellationToken);

    [Get("/api/v1/{kind}/{id}")]
    Task<HttpResponseMessage> GetAsync(string kind, string id, CancellationToken cancellationToken);

    [Post("/api/v1/{kind}")]
    Task<HttpResponseMessage> CreateAsync(string kind, [Body] HttpContent body, CancellationToken cancellationToken);

    [Put("/api/v1/{kind}/{id}")]
    Task<HttpResponseMessage> ReplaceAsync(string kind, string id, [Body] HttpContent body, [Header("If-Match")] string? ifMatch, CancellationToken cancellationToken);

    [Patch("/api/v1/{kind}/{id}")]
    Task<HttpResponseMessage> PatchAsync(string kind, string id, [Body] HttpContent body, [Header("If-Match")] string? ifMatch, CancellationToken cancellationToken);

    [Delete("/api/v1/{kind}/{id}")]
    Task<HttpResponseMessage> DeleteAsync(string kind, string id, [Header("If-Match")] string? ifMatch, CancellationToken cancellationToken);

    [Get("/api/v1/api-keys")]
    Task<ItemList<EsperApiKey>> ListKeysAsync(CancellationToken cancellationToken);

    [Get("/api/v1/api-keys/{id}")]
    Task<EsperApiKey> GetKeyAsync(string id, CancellationToken cancellationToken);

    [Post("/api/v1/api-keys")]
    Task<EsperApiKey> CreateKeyAsync([Body] ApiKeyCreate body, CancellationToken cancellationToken);

    [Delete("/api/v1/api-keys/{id}")]
    Task RevokeKeyAsync(string id, CancellationToken cancellationToken);

    [Get("/api/v1/results/policies")]
    Task<ItemList<PolicyResults>> ListResultsAsync(CancellationToken cancellationToken);

    [Get("/api/v1/results/policies/{id}")]
    Task<PolicyResults> GetResultsAsync(string id, CancellationToken cancellationToken);

    [Get("/api/v1/audit")]
    Task<ItemList<AuditEntry>> AuditAsync([Query] int? limit, CancellationToken cancellationToken);
}
