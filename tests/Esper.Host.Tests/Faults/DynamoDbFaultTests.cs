using Esper.Storage.DynamoDb;
using Esper.Storage.DynamoDb.Tests.Emulator;
using Xunit.Abstractions;

namespace Esper.Host.Tests.Faults;

/// <summary>
/// The faults on DynamoDB: a dynalite of the test's own, its LevelDB data on disk, SIGKILLed mid-load (connections
/// refused) and started again on the same port over the same data.
/// </summary>
public sealed class DynamoDbFaultTests(ITestOutputHelper output) : StoreFaultTests(output)
{
    private readonly string _table = DynaliteFixture.NewTableName();
    private RestartableEmulator? _dynalite;

    protected override string StoreName => "DynamoDB";

    public override async Task InitializeAsync() => _dynalite = await RestartableEmulator.StartDynaliteAsync();

    public override async Task DisposeAsync()
    {
        _dynalite?.Dispose();
        await base.DisposeAsync();
    }

    // dynalite checks that requests are signed, not by whom: fixed dummy values, never a real credential.
    internal override IReadOnlyDictionary<string, string> StoreSettings() => new Dictionary<string, string>
    {
        ["ESPER_STORE"] = "dynamodb",
        [DynamoDbStoreSettings.Table] = _table,
        [DynamoDbStoreSettings.Region] = DynaliteFixture.Region,
        [DynamoDbStoreSettings.ServiceUrl] = $"http://127.0.0.1:{_dynalite!.Port}",
        [DynamoDbStoreSettings.CreateTable] = "true",

        // The emulator on a loaded test machine may take seconds per call, which is no outage; the outage here
        // refuses connections, which fails at once whatever the timeout.
        [DynamoDbStoreSettings.Timeout] = "10000",
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
    };

    internal override Task BreakStoreAsync()
    {
        _dynalite!.Kill();
        return Task.CompletedTask;
    }

    internal override Task RepairStoreAsync() => _dynalite!.StartAsync();
}
