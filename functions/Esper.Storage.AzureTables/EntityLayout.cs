using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Esper.Storage.AzureTables;

/// <summary>Property names of the table's entities and conversions to and from them.</summary>
internal static class EntityLayout
{
    /// <summary>A document's text; longer documents continue in <c>doc1</c>, <c>doc2</c>, ….</summary>
    public const string Document = "doc";

    /// <summary>The exact expiry in epoch milliseconds (Int64); absent when the entity never expires.</summary>
    public const string ExpiresAt = "expires_at_ms";

    /// <summary>Prefix of a counter property (Int64); counter names are [A-Za-z0-9_].</summary>
    public const string CounterPrefix = "c_";

    /// <summary>Characters per string property: Azure allows 64 KiB (32 Ki UTF-16 units) per property.</summary>
    internal const int DocumentChunk = 30_000;

    /// <summary>Separates the entity's ETag from the expiry inside a version string.</summary>
    private const char VersionSeparator = '|';

    public static TableEntity NewEntity(ItemKey key) => new(KeyEncoding.Encode(key.PartitionKey), KeyEncoding.Encode(key.SortKey));

    public static TableEntity DocumentEntity(ItemKey key, string document, DateTimeOffset? expiresAt)
    {
        var entity = NewEntity(key);
        int part = 0;
        for (int start = 0; start < document.Length || part == 0; part++)
        {
            int length = Math.Min(DocumentChunk, document.Length - start);
            if (length > 0 && start + length < document.Length && char.IsHighSurrogate(document[start + length - 1]))
            {
                length--; // never split a surrogate pair across two properties
            }

            entity[part == 0 ? Document : Document + part.ToString(CultureInfo.InvariantCulture)] = document.Substring(start, length);
            start += length;
        }

        SetExpiry(entity, expiresAt);
        return entity;
    }

    public static void SetExpiry(TableEntity entity, DateTimeOffset? expiresAt)
    {
        if (expiresAt is { } expiry)
        {
            entity[ExpiresAt] = expiry.ToUnixTimeMilliseconds();
        }
    }

    public static DateTimeOffset? ReadExpiry(TableEntity entity) =>
        entity.GetInt64(ExpiresAt) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    public static bool IsLive(TableEntity? entity, DateTimeOffset now) =>
        entity is not null && (ReadExpiry(entity) is not { } expiry || expiry > now);

    public static bool IsLiveDocument(TableEntity? entity, DateTimeOffset now) => IsLive(entity, now) && entity!.ContainsKey(Document);

    public static StoredItem? ToStoredItem(TableEntity? entity, DateTimeOffset now)
    {
        if (!IsLiveDocument(entity, now))
        {
            return null;
        }

        var document = new StringBuilder(entity!.GetString(Document));
        for (int part = 1; entity.GetString(Document + part.ToString(CultureInfo.InvariantCulture)) is { } next; part++)
        {
            document.Append(next);
        }

        var expiry = ReadExpiry(entity);
        var key = new ItemKey(KeyEncoding.Decode(entity.PartitionKey), KeyEncoding.Decode(entity.RowKey));
        return new StoredItem(key, document.ToString(), ToVersion(entity.ETag, expiry), expiry);
    }

    public static Dictionary<string, long> ToCounters(TableEntity? entity, DateTimeOffset now)
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!IsLive(entity, now))
        {
            return counters;
        }

        foreach (var (name, value) in entity!)
        {
            if (name.StartsWith(CounterPrefix, StringComparison.Ordinal) && value is long number)
            {
                counters[name[CounterPrefix.Length..]] = number;
            }
        }

        return counters;
    }

    /// <summary>
    /// The version handed out for an entity: its ETag, plus its expiry when it has one. Carrying the expiry lets a
    /// version-checked write know, without a read, whether the entity with that ETag has expired: Azure cannot make
    /// a write conditional on a property value.
    /// </summary>
    public static string ToVersion(ETag etag, DateTimeOffset? expiresAt) =>
        expiresAt is { } expiry
            ? etag.ToString() + VersionSeparator + expiry.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            : etag.ToString();

    /// <summary>
    /// Splits a version into ETag and expiry. A string that is no entity tag at all (not <c>W/"…"</c> or <c>"…"</c>)
    /// cannot match any entity and is reported as null: Azure rejects such an If-Match as bad input.
    /// </summary>
    public static (ETag ETag, DateTimeOffset? ExpiresAt)? ParseVersion(string version)
    {
        var parsed = Split(version);
        string tag = parsed.ETag.ToString();
        bool shaped = tag.Length >= 2 && tag[^1] == '"' && (tag[0] == '"' || tag.StartsWith("W/\"", StringComparison.Ordinal));
        return shaped ? parsed : null;
    }

    private static (ETag ETag, DateTimeOffset? ExpiresAt) Split(string version)
    {
        int separator = version.LastIndexOf(VersionSeparator);
        if (separator > 0 && long.TryParse(version.AsSpan(separator + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long milliseconds))
        {
            return (new ETag(version[..separator]), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
        }

        return (new ETag(version), null);
    }
}
