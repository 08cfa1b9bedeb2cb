using System.Diagnostics;
using System.Globalization;
using System.Text;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// The provider's cost per statement against SQLite's own: the checkpoint's document upsert and the request path's
/// point read, over a few rows that stay in the page cache (so SQLite's share is small), run through
/// Microsoft.Data.Sqlite's prepared command and through SQLite's API directly (<c>SqliteRawStatement</c>).
/// </summary>
internal static class StatementOverhead
{
    public static TableResult Run(string dataDir, int runs, int rounds)
    {
        var table = new TableResult("Embedded store: the cost of one statement, provider against SQLite's API", "inprocess statements --out DIR",
            "round", "statement", "through", "runs", "CPU µs per statement");
        Directory.CreateDirectory(dataDir);
        var options = new SqliteStoreOptions { Path = Path.Combine(dataDir, "statements.db") };
        var connectionString = SqliteDatabase.ConnectionString(options);
        using var pool = new SqliteSessionPool(connectionString, options);
        SqliteDatabase.Initialize(pool);
        var session = pool.Rent();
        var keys = Enumerable.Range(0, 64).Select(static i => new ItemKey("t_bench#idem#" + i.ToString("x8", CultureInfo.InvariantCulture), "answer")).ToArray();
        var document = Encoding.UTF8.GetBytes($$"""{"decision":"allow","pad":"{{new string('x', 600)}}"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var round = 1; round <= rounds; round++)
        {
            table.Row(round, "document upsert", "provider", runs, Measure(session, runs, i => session.Command(SqliteStatement.PutUpsertUtf8)
                .BindKey(keys[i % keys.Length]).Bind("$document", document).Bind("$version", "v1").Bind("$expires_at", now).ExecuteNonQuery()));
            table.Row(round, "document upsert", "SQLite API", runs, Measure(session, runs, i => session.Raw(SqliteStatement.PutUpsertUtf8)
                .BindKey(keys[i % keys.Length]).Bind("$document", document).Bind("$version", "v1").Bind("$expires_at", now).Execute()));
            table.Row(round, "point read (miss)", "provider", runs, Measure(session, runs, i => session.Command(SqliteStatement.ReadVersion)
                .BindKey(new ItemKey("t_bench#idem#none", keys[i % keys.Length].PartitionKey)).Bind("$now", now).ExecuteScalar() is null ? 0 : 1, transaction: false));
            table.Row(round, "point read (miss)", "SQLite API", runs, Measure(session, runs, i => SqliteDocumentReader.LiveVersion(session,
                new ItemKey("t_bench#idem#none", keys[i % keys.Length].PartitionKey), now) is null ? 0 : 1, transaction: false));
        }

        pool.Return(session);
        return table;
    }

    private static double Measure(SqliteSession session, int runs, Func<int, int> run, bool transaction = true)
    {
        if (transaction)
        {
            session.Command(SqliteStatement.BeginImmediate).ExecuteNonQuery();
        }

        for (var i = 0; i < 1000; i++)
        {
            run(i);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            run(i);
        }

        var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (transaction)
        {
            session.Command(SqliteStatement.Commit).ExecuteNonQuery();
        }

        return Math.Round(spent.TotalMicroseconds / runs, 2);
    }
}
