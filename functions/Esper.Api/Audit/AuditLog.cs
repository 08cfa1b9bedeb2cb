using System.Security.Cryptography;
using Esper.Storage.Repositories;

namespace Esper.Api.Audit;

/// <summary>Writes one audit entry per config or key change; awaited, so an acknowledged change is always audited.</summary>
internal sealed class AuditLog(AuditRepository repository, TimeProvider time)
{
    public ValueTask RecordAsync(string tenantId, string? keyId, string resource, string resourceId, string change, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry("aud_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), keyId, resource, resourceId, change, time.GetUtcNow());
        return repository.AppendAsync(tenantId, entry, cancellationToken);
    }
}
