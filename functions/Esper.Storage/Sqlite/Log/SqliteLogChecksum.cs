using System.IO.Hashing;

namespace Esper.Storage.Sqlite;

/// <summary>CRC-32 (IEEE) of a log frame's payload: a torn or overwritten frame fails it.</summary>
internal static class SqliteLogChecksum
{
    public static uint Compute(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(data);
}
