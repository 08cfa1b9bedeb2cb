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
}
