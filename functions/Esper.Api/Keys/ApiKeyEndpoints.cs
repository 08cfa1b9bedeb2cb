using Esper.Api.Audit;
using Esper.Api.Auth;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Api.Operators;
using Esper.Storage.Repositories;

namespace Esper.Api.Keys;

/// <summary>
/// <c>/api/v1/api-keys</c>: list (no secrets), create (the secret is in the response once), get, revoke.
/// A key cannot revoke itself, so a tenant cannot lock itself out by accident.
/// </summary>
internal sealed class ApiKeyEndpoints(
    ApiKeyRepository keys,
    ApiKeyIssuer issuer,
    ApiKeyAuthenticator authenticator,
    AuditLog audit,
    EsperApiOptions options,
    TimeProvider time) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("ListApiKeys", Access.Admin, ListAsync),
        new("CreateApiKey", Access.Admin, CreateAsync),
        new("GetApiKey", Access.Admin, GetAsync),
        new("RevokeApiKey", Access.Admin, RevokeAsync),
    ];

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var records = await keys.ListAsync(call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, new ItemList<ApiKeyView>([.. records.Select(r => ApiKeyViews.From(r))]), ReadableJson.Api.ItemListApiKeyView);
    }

    private async ValueTask<ApiResponse> GetAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var record = await keys.GetAsync(call.Key.TenantId, call.Route("id"), cancellationToken).ConfigureAwait(false);
        return record is null
            ? Problems.NotFound($"No API key {call.Route("id")}.")
            : JsonResponses.Create(200, ApiKeyViews.From(record), ReadableJson.Api.ApiKeyView);
    }

    private async ValueTask<ApiResponse> CreateAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var document, out var problem))
        {
            return problem!;
        }

        using (document)
        {
            var fields = new BodyFields(document!.RootElement);
            if (!fields.IsObject)
            {
                return Problems.Validation("$", "must be a JSON object");
            }

            fields.OnlyKnown("name", "scope", "trust_level");
            var name = fields.String("name", required: true);
            var scope = fields.OneOf("scope", KeyScopes.All, KeyScopes.Runtime);
            var trust = fields.OneOf("trust_level", TrustLevels.All, TrustLevels.External);
            if (fields.Errors.Count > 0)
            {
                return Problems.Validation(fields.Errors);
            }

            // An admin-scope key may do everything, memberships included: a signed-in operator below Owner making
            // one would raise their own rights.
            if (scope == KeyScopes.Admin && call.Key.Role is { } role && !OperatorRoles.Allows(role, OperatorRoles.Owner))
            {
                return Problems.Forbidden("Only an Owner may create an admin-scope key; an Admin may create runtime keys.");
            }

            var issued = await issuer.IssueAsync(call.Key.TenantId, name!, scope!, trust!, call.Key.KeyId, null, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A freshly generated secret collided.");
            await audit.RecordAsync(call.Key, "api_key", issued.Record.Id, "created", cancellationToken).ConfigureAwait(false);
            return JsonResponses.Create(201, ApiKeyViews.From(issued.Record, issued.Secret), ReadableJson.Api.ApiKeyView, Location($"/api/v1/api-keys/{issued.Record.Id}"));
        }
    }

    private async ValueTask<ApiResponse> RevokeAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var id = call.Route("id");
        if (id == call.Key.KeyId)
        {
            return Problems.Conflict("A key cannot revoke itself; use another admin key.");
        }

        var revoked = await keys.RevokeAsync(call.Key.TenantId, id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (revoked is null)
        {
            return Problems.NotFound($"No API key {id}.");
        }

        authenticator.Evict(id);
        await audit.RecordAsync(call.Key, "api_key", id, "revoked", cancellationToken).ConfigureAwait(false);
        return JsonResponses.NoContent();
    }

    private static Dictionary<string, string> Location(string path) => new(StringComparer.OrdinalIgnoreCase) { ["Location"] = path };
}
