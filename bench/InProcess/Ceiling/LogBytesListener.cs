using System.Diagnostics.Metrics;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Ceiling;

/// <summary>Sums the embedded store's <c>esper.sqlite.log.bytes</c> (bytes appended to its write-behind log) while it lives.</summary>
internal sealed class LogBytesListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _bytes;

    public LogBytesListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SqliteStoreMetrics.Name && instrument.Name == "esper.sqlite.log.bytes")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _bytes, value));
        _listener.Start();
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Dispose() => _listener.Dispose();
}
