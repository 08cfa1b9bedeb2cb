using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Esper.Host.Tests.CloudStores.WriteUnits;

/// <summary>
/// The size DynamoDB bills an item by: the UTF-8 length of every attribute name plus its value's size (strings
/// by their UTF-8 bytes, numbers about one byte per two significant digits plus one, binary by its length,
/// booleans and nulls one byte, lists and maps three bytes plus their elements and one byte per element).
/// </summary>
internal static class DynamoDbItemSize
{
    public const int WriteUnitBytes = 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var size = 0;
        foreach (var (name, value) in item ?? new Dictionary<string, AttributeValue>())
        {
            size += Encoding.UTF8.GetByteCount(name) + ValueSize(value);
        }

        return size;
    }

    /// <summary>Write request units for writing an item of <paramref name="bytes"/>: one per started KB, at least one.</summary>
    public static int WriteUnits(int bytes) => Math.Max(1, (bytes + WriteUnitBytes - 1) / WriteUnitBytes);

    private static int ValueSize(AttributeValue value)
    {
        if (value.S is not null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return NumberSize(value.N);
        }

        if (value.B is not null)
        {
            return (int)value.B.Length;
        }

        if (value.BOOL is not null || value.NULL is not null)
        {
            return 1;
        }

        if (value.M is { Count: > 0 } map)
        {
            return 3 + map.Sum(static e => Encoding.UTF8.GetByteCount(e.Key) + ValueSize(e.Value) + 1);
        }

        if (value.L is { Count: > 0 } list)
        {
            return 3 + list.Sum(static e => ValueSize(e) + 1);
        }

        if (value.SS is { Count: > 0 } strings)
        {
            return strings.Sum(static s => Encoding.UTF8.GetByteCount(s));
        }

        return value.NS is { Count: > 0 } numbers ? numbers.Sum(NumberSize) : 3;
    }

    private static int NumberSize(string number)
    {
        var digits = number.TrimStart('-').Replace(".", "", StringComparison.Ordinal).Trim('0').Length;
        return ((Math.Max(1, digits) + 1) / 2) + 1;
    }
}
