using Esper.Bench.InProcess;
using Esper.Bench.InProcess.Ceiling;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Replay;
using Esper.Bench.InProcess.Scale;
using Esper.Bench.InProcess.Stores;
using Esper.Bench.InProcess.Http;
using Esper.Bench.InProcess.Tenant;

// In-process measurements through the shared handler (no HTTP): store round trips and scale; plus the tenant
// setup of the HTTP comparison against a running host.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: inprocess setup-http|stores|concurrency|store|checkpoint|checkpoint-documents|statements|memstore|scale|replay [--name value ...]");
    return 2;
}

var options = new Args(args[1..]);
switch (args[0])
{
    case "setup-http":
        using (var client = new HttpClient { BaseAddress = new Uri(options.Require("url")) })
        {
            var tenant = options.Get("policies") is { } n ? GeneratedTenant.Build(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : RealisticTenant.Build();
            Console.WriteLine(await TenantSetup.OverHttp(client, options.Require("admin-key")).ApplyAsync(tenant));
        }

        return 0;
    case "stores":
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-{Environment.ProcessId}");
        var stores = new List<(string, Func<Esper.Storage.KeyValue.IKeyValueStore>)>
        {
            // The hosts' setting; synchronous=full is measured in the concurrency table below.
            ("sqlite (synchronous=normal, the hosts' default)", () => StoreFactory.Sqlite(dataDir, Esper.Storage.Sqlite.SqliteSynchronousMode.Normal, out _)),
        };
        if (options.Get("dynamodb-url") is { } dynamo)
        {
            stores.Add(("dynamodb (dynalite)", () => StoreFactory.DynamoDb(dynamo)));
        }

        if (options.Get("azure-connection") is { } azure)
        {
            stores.Add(("azure tables (azurite)", () => StoreFactory.AzureTables(azure)));
        }

        var table = await StoreRoundTrips.RunAsync(stores, options.Quick);
        await table.WriteAsync(Path.Combine(options.Require("out"), "stores.json"));
        await Guarded("embedded-concurrency", () => EmbeddedConcurrency.RunAsync(dataDir, options.Quick), options.Require("out"));
        TryDelete(dataDir);
        return 0;
    }

    case "concurrency":
    {
        // The embedded concurrency table alone, for before/after measurements of a store change.
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-concurrency-{Environment.ProcessId}");
        var outDir = options.Require("out");
        Directory.CreateDirectory(outDir);
        await Guarded("embedded-concurrency", () => EmbeddedConcurrency.RunAsync(dataDir, options.Quick), outDir);
        Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "embedded-concurrency.json")));
        TryDelete(dataDir);
        return 0;
    }

    case "store":
    {
        // The embedded store alone (the store calls of one decision), for before/after measurements of a store change.
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-store-{Environment.ProcessId}");
        var outDir = options.Require("out");
        Directory.CreateDirectory(outDir);
        await Guarded("store-loop", () => StoreDecisionLoop.RunAsync(dataDir, options.Int("decisions", options.Quick ? 1_000 : 5_000), options.Int("warmup", options.Quick ? 500 : 2_000), options.Int("rounds", 2)), outDir);
        Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "store-loop.json")));
        TryDelete(dataDir);
        return 0;
    }

    case "checkpoint":
    {
        // One write-behind checkpoint of busy per-minute counter items, for before/after measurements of the checkpoint.
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-checkpoint-{Environment.ProcessId}");
        var outDir = options.Require("out");
        Directory.CreateDirectory(outDir);
        await Guarded("checkpoint-cost", () => CheckpointCost.RunAsync(dataDir, options.Int("items", 24), options.Int("minutes", 40), options.Int("rounds", 3)), outDir);
        Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "checkpoint-cost.json")));
        TryDelete(dataDir);
        return 0;
    }

    case "checkpoint-documents":
    {
        // A write-behind checkpoint's document rows (records and idempotency items), for before/after measurements of
        // the per-row and per-statement cost.
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-documents-{Environment.ProcessId}");
        var outDir = options.Require("out");
        Directory.CreateDirectory(outDir);
        await Guarded("checkpoint-documents", () => DocumentCheckpointCost.RunAsync(dataDir, options.Int("decisions", 1000), options.Int("checkpoints", 20), options.Int("rounds", 3)), outDir);
        Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "checkpoint-documents.json")));
        TryDelete(dataDir);
        return 0;
    }

    case "statements":
    {
        // The provider's cost per statement against SQLite's API, for the per-statement overhead of the embedded store.
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-statements-{Environment.ProcessId}");
        var outDir = options.Require("out");
        Directory.CreateDirectory(outDir);
        await Guarded("statements", () => Task.FromResult(StatementOverhead.Run(dataDir, options.Int("runs", 200_000), options.Int("rounds", 3))), outDir);
        Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "statements.json")));
        TryDelete(dataDir);
        return 0;
    }

    case "memstore":
    {
        // The host's cost per decision without the store's: the shared handler over a diagnostic in-memory store.
        var outDir = options.Require("out");
        Directory.CreateDirectory(outDir);
        var count = options.Int("decisions", options.Quick ? 5_000 : 20_000);
        if (options.Get("store") == "sqlite")
        {
            // The same loop over the embedded store as the hosts open it (write-behind, synchronous=normal).
            // --aged-minutes N: the hour items (per-minute results and traffic) first get N earlier minutes of counters,
            // as late in their hour in production, where the bench's fresh host would otherwise hold a handful.
            var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-ceiling-{Environment.ProcessId}");
            var aged = options.Int("aged-minutes", 0);
            var sqlite = StoreFactory.Sqlite(dataDir, Esper.Storage.Sqlite.SqliteSynchronousMode.Normal, out _);
            await Guarded("sqlite-ceiling", () => MemoryStoreCeiling.RunAsync(count, options.Int("rounds", 2),
                aged > 0 ? new AgedHourItemsStore(sqlite, aged) : sqlite,
                aged > 0 ? $"The host over the embedded store, without HTTP (in-process), hour items aged {aged} minutes" : "The host over the embedded store, without HTTP (in-process)",
                aged > 0 ? $"inprocess memstore --store sqlite --aged-minutes {aged}" : "inprocess memstore --store sqlite", whatIf: false), outDir);
            Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "sqlite-ceiling.json")));
            TryDelete(dataDir);
            return 0;
        }

        await Guarded("memstore-ceiling", () => MemoryStoreCeiling.RunAsync(count, options.Int("rounds", 2)), outDir);
        Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(outDir, "memstore-ceiling.json")));
        return 0;
    }

    case "scale":
    {
        var outDir = options.Require("out");
        var quick = options.Quick;
        await Guarded("scale-policies", () => Task.FromResult(EnginePolicyScale.Run(quick ? [1, 10, 100] : [1, 10, 100, 1000], TimeSpan.FromSeconds(quick ? 1 : 4))), outDir);
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-scale-{Environment.ProcessId}");
        await Guarded("scale-keys", () => EntityKeyScale.RunAsync(dataDir, quick), outDir);
        await Guarded("scale-records", () => RecordScale.RunAsync(dataDir, quick), outDir);
        TryDelete(dataDir);
        return 0;
    }

    case "replay":
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"esper-bench-replay-{Environment.ProcessId}");
        var events = options.Int("events", options.Quick ? 10_000 : 100_000);
        await Guarded("replay", () => ReplayThroughput.RunAsync(dataDir, events), options.Require("out"));
        TryDelete(dataDir);
        return 0;
    }

    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}

static void TryDelete(string directory)
{
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
    }
}

// One failing measurement must not cost the others: its table says what failed.
static async Task Guarded(string name, Func<Task<TableResult>> run, string outDir)
{
    TableResult table;
    try
    {
        table = await run();
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        table = new TableResult(name, "bench/run.sh (scale section)");
        table.Note($"failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        Console.Error.WriteLine($"{name} failed: {e}");
    }

    await table.WriteAsync(Path.Combine(outDir, name + ".json"));
}
