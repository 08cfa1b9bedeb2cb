namespace Esper.Api.Json;

/// <summary>A tenant.</summary>
internal sealed record TenantView(string Id, string Name, string Slug, DateTimeOffset CreatedAt);
