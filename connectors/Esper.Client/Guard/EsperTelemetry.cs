using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Esper.Client.Guard;

/// <summary>
/// The connectors' OpenTelemetry signals, through the BCL only (no SDK forced on the app): an activity per decision
/// call (source <see cref="Name"/>) and a meter with decision counts by action and failures by reason.
/// </summary>
public static class EsperTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name to subscribe to (<c>AddSource</c>/<c>AddMeter</c>).</summary>
    public const string Name = "Esper.Connectors";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Decisions = Meter.CreateCounter<long>("esper.decisions", "{decision}", "Requests checked with Esper, by applied action.");

    internal static readonly Counter<long> Failures = Meter.CreateCounter<long>("esper.failures", "{failure}", "Decision calls that got no answer, by reason.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("esper.decision.duration", "ms", "Time spent asking Esper for a decision.");
}
