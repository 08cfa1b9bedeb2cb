namespace Esper.Client;

/// <summary>One audited change: who (<see cref="KeyId"/>), what and when.</summary>
public sealed record AuditEntry(string Id, string? KeyId, string Resource, string ResourceId, string Change, DateTimeOffset At);
