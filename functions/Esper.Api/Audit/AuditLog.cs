using System.Security.Cryptography;
using Esper.Api.Http;
using Esper.Storage.Repositories;

namespace Esper.Api.Audit;

/// <summary>
/// Writes one audit entry per config, key, membership or tenant change with the acting key or user; awaited, so an
/// acknowledged change is always audited. Reads and runtime traffic are never audited.
/// </summary>
internal sealed class AuditLog(AuditRepository repository, TimeProvider time)
{
    public ValueTask RecordAsync(string tenantId, string? keyId, string resource, string resourceId, string change, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry("aud_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), keyId, resource, resourceId, change, time.GetUtcNow());
        return repository.AppendAsync(tenantId, entry, cancellationToken);
    }

    /// <summary>Records a change made by <paramref name="caller"/>: its key id, or its user id for an operator token.</summary>
    public ValueTask RecordAsync(Caller caller, string resource, string resourceId, string change, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(
            "aud_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), caller.UserId is null ? caller.KeyId : null, resource, resourceId, change, time.GetUtcNow(), caller.UserId);
        return repository.AppendAsync(caller.TenantId, entry, cancellationToken);
    }
}
