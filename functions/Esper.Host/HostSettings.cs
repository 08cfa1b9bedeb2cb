using Esper.Api;
using Esper.Storage;
using Esper.Storage.AzureTables;
using Esper.Storage.DynamoDb;
using Esper.Storage.Sqlite;

namespace Esper.Host;

/// <summary>What the host adds to the shared settings reader (every setting is documented in docs/api.md).</summary>
internal static class HostSettings
{
    /// <summary>The address the host listens on when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The stores the host runs on: the embedded one by default, or either cloud store.</summary>
    public static IReadOnlyList<StoreChoice> Stores { get; } = [SqliteStoreSettings.Choice, DynamoDbStoreSettings.Choice, AzureTablesStoreSettings.Choice];

    /// <summary>
    /// Reads every setting from the host's configuration (which includes the environment), with the local challenge
    /// defaults of a loopback host; null with every error when one is refused.
    /// </summary>
    public static EsperSettings? Read(IConfiguration configuration, out IReadOnlyList<string> errors) =>
        EsperSettings.Read(LocalChallengeDefaults.Apply(configuration), Stores, out errors);
}
