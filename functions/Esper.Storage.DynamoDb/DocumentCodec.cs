using System.IO.Compression;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Esper.Storage.DynamoDb;

/// <summary>
/// The <c>doc</c> attribute: short documents as a string, longer ones Brotli-compressed as binary. DynamoDB bills
/// a write by the item's size in started kilobytes, and a decision's records (event, matches, outcomes) are 1–2 KB
/// of JSON that compresses about two to one, so compressing them halves their write units (docs/stores.md,
/// "DynamoDB write units per decision"). Readers accept both forms, so items written before stay readable.
/// </summary>
internal static class DocumentCodec
{
    /// <summary>Documents of at least this many UTF-8 bytes are compressed: below it an item already fits one write unit.</summary>
    public const int CompressFromBytes = 640;

    // Quality 4: most of the size gain of higher qualities at a small fraction of their CPU.
    private const int Quality = 4;
    private const int Window = 22;

    public static AttributeValue Encode(string document)
    {
        var size = Encoding.UTF8.GetByteCount(document);
        if (size < CompressFromBytes)
        {
            return new AttributeValue { S = document };
        }

        var utf8 = Encoding.UTF8.GetBytes(document);
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (!BrotliEncoder.TryCompress(utf8, compressed, out var written, Quality, Window) || written >= size)
        {
            return new AttributeValue { S = document };
        }

        return new AttributeValue { B = new MemoryStream(compressed, 0, written, writable: false, publiclyVisible: true) };
    }

    /// <summary>The document text, or null when the attribute holds neither form.</summary>
    public static string? Decode(AttributeValue value)
    {
        if (value.S is not null)
        {
            return value.S;
        }

        if (value.B is null)
        {
            return null;
        }

        var source = new MemoryStream(value.B.ToArray(), writable: false);
        using var brotli = new BrotliStream(source, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
