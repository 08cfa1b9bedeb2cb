using Esper.Storage.AzureTables;
using Esper.Storage.AzureTables.Tests.Emulator;
using Xunit.Abstractions;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// The faults on Azure Tables: an Azurite table service of the test's own, its database on disk, stopped mid-load
/// (SIGINT: it closes its listener and saves; connections are refused) and started again on the same port over
/// the same data.
/// </summary>
public sealed class AzureTablesFaultTests(ITestOutputHelper output) : StoreFaultTests(output)
{
    private readonly string _table = AzuriteFixture.NewTableName();
    private RestartableEmulator? _azurite;

    protected override string StoreName => "Azure Tables";

    public override async Task InitializeAsync() => _azurite = await RestartableEmulator.StartAzuriteAsync();

    public override async Task DisposeAsync()
    {
        _azurite?.Dispose();
        await base.DisposeAsync();
    }

    internal override IReadOnlyDictionary<string, string> StoreSettings() => new Dictionary<string, string>
    {
        ["ESPER_STORE"] = "azuretables",
        [AzureTablesStoreSettings.ConnectionString] = _azurite!.AzuriteConnectionString,
        [AzureTablesStoreSettings.Table] = _table,
        [AzureTablesStoreSettings.CreateTable] = "true",

        // The emulator on a loaded test machine may take seconds per call, which is no outage; the outage here
        // refuses connections, which fails at once whatever the timeout.
        [AzureTablesStoreSettings.Timeout] = "10000",
    };

    internal override Task BreakStoreAsync() => _azurite!.InterruptAsync();

    internal override Task RepairStoreAsync() => _azurite!.StartAsync();
}
