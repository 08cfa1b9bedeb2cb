using Esper.Api.Auth;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Api.Keys;

namespace Esper.Api.Tenants;

/// <summary><c>POST /api/v1/tenants</c> (operator token): creates a tenant and returns it with its first admin key.</summary>
internal sealed class TenantEndpoints(TenantProvisioner provisioner, EsperApiOptions options) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints => [new("CreateTenant", Access.Operator, CreateAsync)];

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
