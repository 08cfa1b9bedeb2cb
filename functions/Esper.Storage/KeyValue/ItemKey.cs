namespace Esper.Storage.KeyValue;

/// <summary>The address of one item. Keys are ASCII without control characters; counter names are [A-Za-z0-9_].</summary>
public readonly record struct ItemKey(string PartitionKey, string SortKey)
{
    /// <inheritdoc />
    public override string ToString() => $"{PartitionKey}|{SortKey}";
}
