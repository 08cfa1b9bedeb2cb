using Azure.Core;

namespace Esper.Storage.AzureTables;

/// <summary>Where the Azure Tables store keeps its entities. See docs/stores.md for the matching environment variables.</summary>
public sealed class AzureTablesStoreOptions
{
    /// <summary>
    /// A storage connection string (account key or SAS). Takes precedence over <see cref="Endpoint"/>. Meant for
    /// Azurite and for accounts that cannot use Microsoft Entra ID.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>The table service endpoint, e.g. <c>https://account.table.core.windows.net</c>, used with <see cref="Credential"/>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The credential for <see cref="Endpoint"/>; null means <c>DefaultAzureCredential</c> (managed identity, environment, developer logins).</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>Name of the one table that holds every entity (3-63 letters and digits, starting with a letter).</summary>
    public required string TableName { get; init; }

    /// <summary>Create the table on first use when it is missing. Off by default: in production the infrastructure code creates it.</summary>
    public bool CreateTableIfMissing { get; init; }

    /// <summary>
    /// How long one HTTP attempt may take before it fails (the SDK's network timeout). Default 5 seconds: the SDK's
    /// own default (100 s) would hold a decision for minutes while the table service is unreachable, and a much
    /// shorter one would time out healthy calls on a loaded host.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a failed attempt, 0.2 s apart and growing. Default 1; the SDK's own default is 3, up to 0.8 s apart and growing.</summary>
    public int MaxRetries { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(TableName);
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("AzureTablesStoreOptions.RequestTimeout must be more than zero and at most 5 minutes.", nameof(RequestTimeout));
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException("AzureTablesStoreOptions.MaxRetries must be between 0 and 10.", nameof(MaxRetries));
        }
    }
}
