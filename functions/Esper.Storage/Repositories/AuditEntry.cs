namespace Esper.Storage.Repositories;

/// <summary>
/// One change to a tenant's config, keys, memberships or settings: who (the acting key id, or the acting user id for an
/// operator signed in with a bearer token), what (resource, id, change), when.
/// </summary>
public sealed record AuditEntry(string Id, string? KeyId, string Resource, string ResourceId, string Change, DateTimeOffset At, string? UserId = null);
