namespace Esper.Storage.KeyValue;

/// <summary>One unconditional write in a batch.</summary>
public sealed record BatchItem(ItemKey Key, string Document, DateTimeOffset? ExpiresAt = null);
