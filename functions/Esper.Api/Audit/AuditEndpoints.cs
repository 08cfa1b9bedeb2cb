using System.Globalization;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Storage.Repositories;

namespace Esper.Api.Audit;

/// <summary><c>GET /api/v1/audit</c>: the tenant's newest audit entries (<c>?limit=</c>, default 100, at most 1000).</summary>
internal sealed class AuditEndpoints(AuditRepository repository) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints => [new("ListAudit", Access.Admin, ListAsync)];

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var limit = 100;
        if (call.Request.Query.TryGetValue("limit", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
        {
            return Problems.Validation("limit", "must be a whole number from 1 to 1000");
        }

        var entries = await repository.ListAsync(call.Key.TenantId, limit, cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, new ItemList<AuditEntry>(entries), ReadableJson.Api.ItemListAuditEntry);
    }
}
