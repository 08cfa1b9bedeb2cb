using Esper.Api;
using Esper.Storage;
using Esper.Storage.AzureTables;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Esper.Functions.Azure.Composition;

/// <summary>
/// What the app adds to the shared settings reader: its stores. App settings (environment variables) carry the same
/// names the ASP.NET Core host uses; local.settings.example.json and docs/deploy-azure.md list each with its default.
/// </summary>
internal static class FunctionSettings
{
    /// <summary>Azure Tables by default; the embedded store for local runs and tests only, as each instance has its own disk.</summary>
    public static IReadOnlyList<StoreChoice> Stores { get; } = [AzureTablesStoreSettings.Choice, SqliteStoreSettings.Choice];

    /// <summary>Reads every setting; the worker has no exit code to return, so refused settings stop it with one exception naming them all.</summary>
    public static EsperSettings Read(IConfiguration configuration) =>
        EsperSettings.Read(name => configuration[name], Stores, out var errors)
        ?? throw new InvalidOperationException(string.Join("; ", errors));
}
