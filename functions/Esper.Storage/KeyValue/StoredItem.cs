namespace Esper.Storage.KeyValue;

/// <summary>One document item as read back from the store.</summary>
/// <param name="Key">The item's address.</param>
/// <param name="Document">The document, usually JSON text.</param>
/// <param name="Version">An opaque version (ETag) that changes on every write.</param>
/// <param name="ExpiresAt">When the item stops being visible, if it expires.</param>
public sealed record StoredItem(ItemKey Key, string Document, string Version, DateTimeOffset? ExpiresAt);
