namespace Esper.Host.Tests.CloudStores.WriteUnits;

/// <summary>One write as DynamoDB bills it: the operation, the item, the billed size and its write request units.</summary>
internal sealed record BilledWrite(string Operation, string PartitionKey, string SortKey, int Bytes, int WriteUnits, bool Succeeded)
{
    /// <summary>What the item is, from its key: <c>entity</c>, <c>decisions</c>, <c>results shard</c>, <c>journal</c>, ...</summary>
    public string Kind
    {
        get
        {
            var parts = PartitionKey.Split('#');
            var kind = parts.Length > 1 ? parts[1] : PartitionKey;
            return kind switch
            {
                "results" => SortKey == "shard" ? "results shard" : "results hour",
                "traffic" => "traffic hour",
                "decision" => "decision detail",
                _ => kind,
            };
        }
    }
}
