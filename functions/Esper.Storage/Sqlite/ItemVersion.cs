using System.Globalization;

namespace Esper.Storage.Sqlite;

/// <summary>Fresh opaque versions. Random rather than a per-row sequence, so a deleted and re-created item never repeats an old version.</summary>
internal static class ItemVersion
{
    public static string New() => Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
}
