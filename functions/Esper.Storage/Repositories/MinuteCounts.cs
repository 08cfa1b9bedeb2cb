namespace Esper.Storage.Repositories;

/// <summary>The counters of one minute, by name (<c>total</c>, <c>block</c> …).</summary>
/// <param name="Start">The minute's start.</param>
/// <param name="Counts">Each counter's value in that minute; absent counters are zero.</param>
public sealed record MinuteCounts(DateTimeOffset Start, IReadOnlyDictionary<string, long> Counts);
