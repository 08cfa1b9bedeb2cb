namespace Esper.Api.Json;

/// <summary>The answer to creating a tenant: the tenant and its first admin key (secret shown once).</summary>
internal sealed record TenantCreatedView(TenantView Tenant, ApiKeyView AdminKey);
