using Esper.Api;
using Esper.Storage.AzureTables;
using Microsoft.Extensions.Configuration;

namespace Esper.Functions.Azure.Composition;

/// <summary>
/// The app's settings, read from app settings (environment variables) with the same names the ASP.NET Core host
/// uses; local.settings.example.json and docs/deploy-azure.md list each with its default.
/// </summary>
internal sealed class FunctionSettings
{
    public const string AzureTables = "azuretables";

    /// <summary>The embedded store: for local runs and tests only, as each instance has its own disk.</summary>
    public const string Sqlite = "sqlite";

    public AzureTablesStoreOptions? TableOptions { get; init; }

    /// <summary>The SQLite file: esper.db in ESPER_DATA_DIR (default .esper-data), as the local host has it.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>The settings every host shares (operator token, bootstrap key, rate limit, config check, recording).</summary>
    public required EsperSettings Api { get; init; }

    public static FunctionSettings Read(IConfiguration configuration)
    {
        var store = Value(configuration, "ESPER_STORE")?.ToLowerInvariant() ?? AzureTables;
        if (store is not (AzureTables or Sqlite))
        {
            throw new InvalidOperationException($"ESPER_STORE '{store}' is not available in the Azure Functions app: it supports '{AzureTables}' and '{Sqlite}'.");
        }

        AzureTablesStoreOptions? tableOptions = null;
        try
        {
            if (store == AzureTables)
            {
                tableOptions = AzureTablesStoreSettings.FromEnvironment(name => configuration[name]);
            }
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ESPER_STORE=azuretables: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }

        return new FunctionSettings
        {
            TableOptions = tableOptions,
            SqlitePath = store == Sqlite ? Path.Combine(Path.GetFullPath(Value(configuration, "ESPER_DATA_DIR") ?? ".esper-data"), "esper.db") : null,
            Api = EsperSettings.Read(name => configuration[name], store),
        };
    }

    private static string? Value(IConfiguration configuration, string name)
    {
        var value = configuration[name]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
