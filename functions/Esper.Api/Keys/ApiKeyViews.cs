using Esper.Api.Json;
using Esper.Storage.Repositories;

namespace Esper.Api.Keys;

/// <summary>Maps key records to their public view.</summary>
internal static class ApiKeyViews
{
    public static ApiKeyView From(ApiKeyRecord record, string? secret = null) =>
        new(record.Id, record.Name, record.Scope, record.TrustLevel, record.SecretPrefix, record.CreatedAt, record.RevokedAt, secret);
}
