namespace Esper.Storage.Repositories;

/// <summary>One change to a tenant's config or keys: who (key id), what (resource, id, change), when.</summary>
public sealed record AuditEntry(string Id, string? KeyId, string Resource, string ResourceId, string Change, DateTimeOffset At);
