namespace Esper.Client;

/// <summary>A sliding window: more than <see cref="Threshold"/> events in <see cref="Seconds"/> fires the clause.</summary>
public sealed record EsperWindow(int Seconds, long Threshold);
