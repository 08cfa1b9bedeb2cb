using System.Globalization;
using System.Text;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Packs counter names and values into the JSON that one statement expands with json_each, so an update of any
/// number of counters is a fixed handful of prepared statements. Names are [A-Za-z0-9_], so nothing needs escaping.
/// </summary>
internal static class CounterJson
{
    public static string? Object(IReadOnlyDictionary<string, long> counters)
    {
        if (counters.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder(counters.Count * 24).Append('{');
        foreach (var (name, value) in counters)
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            builder.Append('"').Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append('}').ToString();
    }

    public static string? Array(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder(names.Count * 16).Append('[');
        foreach (var name in names)
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            builder.Append('"').Append(name).Append('"');
        }

        return builder.Append(']').ToString();
    }
}
