namespace Esper.Storage.KeyValue;

/// <summary>Options of a partition query.</summary>
/// <param name="Limit">Most items to return; null for all.</param>
/// <param name="Descending">Newest (highest sort key) first.</param>
public sealed record QueryOptions(int? Limit = null, bool Descending = false);
