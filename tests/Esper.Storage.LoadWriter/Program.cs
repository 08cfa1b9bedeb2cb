using System.Globalization;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

// Usage: Esper.Storage.LoadWriter <database file> <writers>
// Opens the embedded store with its default settings and writes until killed. Each writer puts one new document
// per round and adds one to its own counter item; a line is printed only after the store acknowledged the write:
//   P <sort key> <version>     the document "load#doc"/<sort key> was written with that version
//   C <writer> <total>         the counter item "load#state"/<writer> was acknowledged at that total
var path = args[0];
var writers = int.Parse(args[1], CultureInfo.InvariantCulture);
using var store = new SqliteKeyValueStore(path, TimeProvider.System);
var output = Console.Out;
var gate = new object();
var increment = new CounterUpdate { Add = new Dictionary<string, long> { ["n"] = 1 } };

void Acknowledge(string line)
{
    lock (gate)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

Acknowledge("ready");
var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    for (var round = 0; ; round++)
    {
        var sortKey = $"w{w}-{round}";
        var put = await store.PutAsync(new ItemKey("load#doc", sortKey), $"{{\"w\":{w},\"round\":{round}}}", WriteCondition.IfAbsent);
        Acknowledge($"P {sortKey} {put.Version}");
        var total = (await store.UpdateCountersAsync(new ItemKey("load#state", $"w{w}"), increment))["n"];
        Acknowledge($"C w{w} {total}");
    }
}));
await Task.WhenAll(tasks);
