using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Ceiling;

/// <summary>
/// Counts the embedded store's SQLite statements (by path and statement) and the items its checkpoints wrote, from
/// its meter, while it listens: what one decision costs the store in statements and rows.
/// </summary>
internal sealed class StatementCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Path, string Statement), long> _statements = new();
    private long _checkpointItems;
    private long _checkpoints;

    public StatementCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SqliteStoreMetrics.Name && instrument.Name is "esper.sqlite.statements" or "esper.sqlite.checkpoint.items")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string path = "", statement = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "path")
                {
                    path = (string)tag.Value!;
                }
                else if (tag.Key == "statement")
                {
                    statement = (string)tag.Value!;
                }
            }

            _statements.AddOrUpdate((path, statement), value, (_, sum) => sum + value);
        });
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Add(ref _checkpointItems, value);
            Interlocked.Increment(ref _checkpoints);
        });
        _listener.Start();
    }

    /// <summary>One line per path: statements per decision in all, then by statement, most frequent first.</summary>
    public IEnumerable<string> Describe(string variant, int decisions)
    {
        foreach (var path in _statements.Keys.Select(static k => k.Path).Distinct().Order(StringComparer.Ordinal))
        {
            var rows = _statements.Where(e => e.Key.Path == path).OrderByDescending(static e => e.Value).ToList();
            var total = rows.Sum(static e => e.Value);
            var parts = string.Join(", ", rows.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key.Statement} {(double)e.Value / decisions:0.00}")));
            yield return string.Create(CultureInfo.InvariantCulture, $"statements per decision ({variant}), {path}: {(double)total / decisions:0.00} = {parts}");
        }

        var checkpoints = Interlocked.Read(ref _checkpoints);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"checkpoint items per decision ({variant}): {(double)Interlocked.Read(ref _checkpointItems) / decisions:0.00} in {checkpoints} checkpoints ({(double)decisions / Math.Max(1, checkpoints):0} decisions per checkpoint)");
    }

    public void Dispose() => _listener.Dispose();
}
