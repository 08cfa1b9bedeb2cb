using Esper.Api.Audit;
using Esper.Api.Auth;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Api.Keys;
using Esper.Storage.Repositories;

namespace Esper.Api.Tenants;

/// <summary>
/// <c>POST /api/v1/tenants</c> (operator token): creates a tenant and returns it with its first admin key.
/// <c>PATCH /api/v1/tenants/{tenant_id}</c> (the tenant's admin key or an Admin member): renames it, audited.
/// </summary>
internal sealed class TenantEndpoints(TenantProvisioner provisioner, TenantRepository tenants, AuditLog audit, EsperApiOptions options) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints => [new("CreateTenant", Access.Operator, CreateAsync), new("UpdateTenant", Access.Admin, UpdateAsync)];

    private async ValueTask<ApiResponse> UpdateAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParse(call.Request, options.Limits, strict: true, out var document, out var problem))
        {
            return problem!;
        }

        string? name;
        using (document)
        {
            var fields = new BodyFields(document!.RootElement);
            if (!fields.IsObject)
            {
                return Problems.Validation("$", "must be a JSON object");
            }

            fields.OnlyKnown("name");
            name = fields.String("name", required: false);
            if (name is not null && name.Trim().Length == 0)
            {
                fields.Errors.Add(new FieldError("name", "must not be empty"));
            }

            if (fields.Errors.Count > 0)
            {
                return Problems.Validation(fields.Errors);
            }
        }

        var tenantId = call.Key.TenantId;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await tenants.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return Problems.NotFound($"No tenant {tenantId}.");
            }

            var updated = current with { Name = name ?? current.Name };
            if (updated == current)
            {
                return JsonResponses.Create(200, View(current), ReadableJson.Api.TenantView);
            }

            // A write that lost a race reads again: the last rename wins, none is silently half-applied.
            if (await tenants.ReplaceAsync(updated, cancellationToken).ConfigureAwait(false))
            {
                await audit.RecordAsync(call.Key, "tenant", tenantId, "updated", cancellationToken).ConfigureAwait(false);
                return JsonResponses.Create(200, View(updated), ReadableJson.Api.TenantView);
            }
        }

        return Problems.Conflict("The tenant changed during the update; try again.");
    }

    private static TenantView View(TenantRecord t) => new(t.Id, t.Name, t.Slug, t.CreatedAt);

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

            fields.OnlyKnown("name", "slug");
            var name = fields.String("name", required: true);
            var slug = fields.String("slug", required: true, maxLength: 40);
            if (slug is not null && !TenantIds.IsValid(slug))
            {
                fields.Errors.Add(new FieldError("slug", "must be 1-40 characters of a-z, 0-9 and '-', not starting with '-'"));
            }

            if (fields.Errors.Count > 0)
            {
                return Problems.Validation(fields.Errors);
            }

            var created = await provisioner.CreateAsync(name!, slug!, null, cancellationToken).ConfigureAwait(false);
            if (created is not { } c)
            {
                return Problems.Conflict($"Tenant '{slug}' already exists.");
            }

            var view = new TenantCreatedView(new TenantView(c.Tenant.Id, c.Tenant.Name, c.Tenant.Slug, c.Tenant.CreatedAt), ApiKeyViews.From(c.Key, c.Secret));
            return JsonResponses.Create(201, view, ReadableJson.Api.TenantCreatedView,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = $"/api/v1/tenants/{c.Tenant.Id}" });
        }
    }
}
