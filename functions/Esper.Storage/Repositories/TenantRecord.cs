namespace Esper.Storage.Repositories;

/// <summary>A tenant: its id is its slug.</summary>
public sealed record TenantRecord(string Id, string Name, string Slug, DateTimeOffset CreatedAt);
