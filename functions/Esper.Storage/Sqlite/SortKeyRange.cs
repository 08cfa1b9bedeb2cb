namespace Esper.Storage.Sqlite;

/// <summary>Turns a sort-key prefix into a range the (pk, sk) index can seek, in SQLite's binary (UTF-8 byte) order.</summary>
internal static class SortKeyRange
{
    // U+10FFFF encodes to the largest UTF-8 sequence, so prefix + it is above every key that starts with prefix
    // (keys are ASCII) and below every larger key that does not.
    private const string Highest = "\U0010FFFF";

    public static string UpperBound(string prefix) => prefix + Highest;
}
