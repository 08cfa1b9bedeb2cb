namespace Esper.Cli.Workspace;

/// <summary>Where a command sends its calls and with which credential, after flags, environment and profile are combined.</summary>
internal sealed record Connection(string Profile, Uri ApiBase, string? TenantId, CredentialKind Credential, string? Secret, string CredentialSource)
{
    /// <summary>The tenant written inside an <c>esk_&lt;tenant&gt;_&lt;hex&gt;</c> key, if the key has that form.</summary>
    public static string? TenantOfKey(string? key)
    {
        if (key is null || !key.StartsWith("esk_", StringComparison.Ordinal))
        {
            return null;
        }

        var last = key.LastIndexOf('_');
        return last > 4 ? key[4..last] : null;
    }
}
