using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Esper.Storage.DynamoDb;

/// <summary>Attribute names of the table's items and conversions to and from them.</summary>
internal static class ItemLayout
{
    /// <summary>Partition key (string); the tenant id leads it.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort key (string).</summary>
    public const string SortKey = "sk";

    /// <summary>A document item's document: its text, or for a long one the Brotli-compressed UTF-8 (see <see cref="DocumentCodec"/>).</summary>
    public const string Document = "doc";

    /// <summary>A document item's version: a random token replaced on every write.</summary>
    public const string Version = "ver";

    /// <summary>
    /// DynamoDB's TTL attribute: epoch seconds, rounded up so the backend never deletes an item before it expires.
    /// </summary>
    public const string ExpiresAtSeconds = "expires_at";

    /// <summary>The exact expiry in epoch milliseconds; every read and condition compares against this one.</summary>
    public const string ExpiresAtMilliseconds = "expires_at_ms";

    /// <summary>Prefix of a counter attribute; counter names are [A-Za-z0-9_].</summary>
    public const string CounterPrefix = "c_";

    public static Dictionary<string, AttributeValue> Key(ItemKey key) => new()
    {
        [PartitionKey] = new AttributeValue { S = key.PartitionKey },
        [SortKey] = new AttributeValue { S = key.SortKey },
    };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static long ReadNumber(AttributeValue value) => long.Parse(value.N, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>Adds both expiry attributes for <paramref name="expiresAt"/> to an item or value map.</summary>
    public static void AddExpiry(Dictionary<string, AttributeValue> attributes, string secondsName, string millisecondsName, DateTimeOffset expiresAt)
    {
        long milliseconds = expiresAt.ToUnixTimeMilliseconds();
        attributes[secondsName] = Number(CeilingSeconds(milliseconds));
        attributes[millisecondsName] = Number(milliseconds);
    }

    public static long CeilingSeconds(long milliseconds) => (long)Math.Ceiling(milliseconds / 1000d);

    /// <summary>The item's exact expiry, or null when it never expires.</summary>
    public static DateTimeOffset? ReadExpiry(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(ExpiresAtMilliseconds, out var value) && value.N is not null
            ? DateTimeOffset.FromUnixTimeMilliseconds(ReadNumber(value))
            : null;

    public static bool IsLive(Dictionary<string, AttributeValue>? item, DateTimeOffset now)
    {
        if (item is null || item.Count == 0)
        {
            return false;
        }

        var expiry = ReadExpiry(item);
        return expiry is null || expiry.Value > now;
    }

    /// <summary>A live document item as a <see cref="StoredItem"/>, or null for anything else.</summary>
    public static StoredItem? ToStoredItem(Dictionary<string, AttributeValue>? item, DateTimeOffset now)
    {
        if (!IsLive(item, now) || !item!.TryGetValue(Document, out var value) || DocumentCodec.Decode(value) is not { } document)
        {
            return null;
        }

        var key = new ItemKey(item[PartitionKey].S, item[SortKey].S);
        return new StoredItem(key, document, item[Version].S, ReadExpiry(item));
    }

    /// <summary>The counters of a live counter item; empty for an absent or expired one.</summary>
    public static IReadOnlyDictionary<string, long> ToCounters(Dictionary<string, AttributeValue>? item, DateTimeOffset now)
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!IsLive(item, now))
        {
            return counters;
        }

        foreach (var (name, value) in item!)
        {
            if (name.StartsWith(CounterPrefix, StringComparison.Ordinal) && value.N is not null)
            {
                counters[name[CounterPrefix.Length..]] = ReadNumber(value);
            }
        }

        return counters;
    }

    /// <summary>A fresh version token: 128 random bits, so a re-created item never repeats an old version.</summary>
    public static string NewVersion() => Guid.NewGuid().ToString("N");
}
