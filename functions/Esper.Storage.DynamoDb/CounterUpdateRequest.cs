using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Esper.Storage.DynamoDb;

/// <summary>
/// Turns a <see cref="CounterUpdate"/> into one UpdateItem (ADD / SET / REMOVE, ALL_NEW) that only applies to a
/// live or absent item, and into the PutItem that restarts an expired item the backend has not deleted yet.
/// </summary>
internal static class CounterUpdateRequest
{
    private const string LiveOrAbsent = "attribute_not_exists(#pk) OR attribute_not_exists(#ems) OR #ems > :now";

    /// <summary>True when the update changes nothing (then a read answers it).</summary>
    public static bool IsEmpty(CounterUpdate update) =>
        update.Add.Count == 0 && update.Set.Count == 0 && update.Remove.Count == 0 && update.ExpiresAt is null;

    /// <summary>The UpdateItem for an update already checked by <see cref="CounterUpdate.Validate"/>.</summary>
    public static UpdateItemRequest Build(string tableName, ItemKey key, CounterUpdate update, DateTimeOffset now)
    {
        var names = new Dictionary<string, string> { ["#pk"] = ItemLayout.PartitionKey, ["#ems"] = ItemLayout.ExpiresAtMilliseconds };
        var values = new Dictionary<string, AttributeValue> { [":now"] = ItemLayout.Number(now.ToUnixTimeMilliseconds()) };
        var adds = new List<string>();
        var sets = new List<string>();
        var removes = new List<string>();

        int index = 0;
        foreach (var (name, amount) in update.Add)
        {
            if (update.Set.ContainsKey(name))
            {
                continue; // Set is applied after Add, so the added amount would be overwritten anyway.
            }

            names[$"#c{index}"] = Attribute(name);
            values[$":c{index}"] = ItemLayout.Number(amount);
            adds.Add($"#c{index} :c{index}");
            index++;
        }

        foreach (var (name, value) in update.Set)
        {
            names[$"#c{index}"] = Attribute(name);
            values[$":c{index}"] = ItemLayout.Number(value);
            sets.Add($"#c{index} = :c{index}");
            index++;
        }

        foreach (string name in update.Remove)
        {
            names[$"#c{index}"] = Attribute(name);
            removes.Add($"#c{index}");
            index++;
        }

        if (update.ExpiresAt is { } expiresAt)
        {
            names["#es"] = ItemLayout.ExpiresAtSeconds;
            long milliseconds = expiresAt.ToUnixTimeMilliseconds();
            values[":es"] = ItemLayout.Number(ItemLayout.CeilingSeconds(milliseconds));
            values[":ems"] = ItemLayout.Number(milliseconds);
            sets.Add("#es = :es");
            sets.Add("#ems = :ems");
        }

        var expression = new List<string>(3);
        if (adds.Count > 0)
        {
            expression.Add("ADD " + string.Join(", ", adds));
        }

        if (sets.Count > 0)
        {
            expression.Add("SET " + string.Join(", ", sets));
        }

        if (removes.Count > 0)
        {
            expression.Add("REMOVE " + string.Join(", ", removes));
        }

        return new UpdateItemRequest
        {
            TableName = tableName,
            Key = ItemLayout.Key(key),
            UpdateExpression = string.Join(' ', expression),
            ConditionExpression = LiveOrAbsent,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
        };
    }

    /// <summary>
    /// The item that replaces an expired counter item: the update applied to zero counters. It is written only
    /// while the old item is still expired, so a concurrent restart is never overwritten.
    /// </summary>
    public static PutItemRequest BuildRestart(string tableName, ItemKey key, CounterUpdate update, DateTimeOffset now, out Dictionary<string, long> counters)
    {
        counters = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, amount) in update.Add)
        {
            counters[name] = amount;
        }

        foreach (var (name, value) in update.Set)
        {
            counters[name] = value;
        }

        var item = ItemLayout.Key(key);
        foreach (var (name, value) in counters)
        {
            item[Attribute(name)] = ItemLayout.Number(value);
        }

        if (update.ExpiresAt is { } expiresAt)
        {
            ItemLayout.AddExpiry(item, ItemLayout.ExpiresAtSeconds, ItemLayout.ExpiresAtMilliseconds, expiresAt);
        }

        return new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ConditionExpression = "#ems <= :now",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#ems"] = ItemLayout.ExpiresAtMilliseconds },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = ItemLayout.Number(now.ToUnixTimeMilliseconds()) },
        };
    }

    /// <summary>The attribute of a counter; names were checked by <see cref="CounterUpdate.Validate"/>.</summary>
    private static string Attribute(string counterName) => ItemLayout.CounterPrefix + counterName;
}
