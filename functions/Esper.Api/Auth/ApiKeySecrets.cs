using System.Security.Cryptography;
using Esper.Storage.Repositories;

namespace Esper.Api.Auth;

/// <summary>
/// Key secrets look like <c>esk_{tenant}_{48 hex}</c>: the tenant id inside lets a request find its key's
/// partition without any global index. A secret of another shape (a bootstrap key chosen by the operator)
/// belongs to the <c>default</c> tenant.
/// </summary>
internal static class ApiKeySecrets
{
    public const string DefaultTenant = "default";
    private const string Prefix = "esk_";

    public static string Generate(string tenantId) => $"{Prefix}{tenantId}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";

    public static string NewKeyId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string Hash(string secret) => StorageKeys.Hash(secret);

    public static string TenantOf(string secret)
    {
        if (secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var last = secret.LastIndexOf('_');
            if (last > Prefix.Length && TenantIds.IsValid(secret[Prefix.Length..last]))
            {
                return secret[Prefix.Length..last];
            }
        }

        return DefaultTenant;
    }

    /// <summary>What a listing shows to recognise a key by: its first characters.</summary>
    public static string Display(string secret) => secret.Length <= 12 ? secret[..Math.Min(4, secret.Length)] + "…" : secret[..12] + "…";
}
