using System.Globalization;
using System.Text;

namespace Esper.Storage.Sqlite;

/// <summary>
/// A counter item's counters as the JSON object its row holds (<c>{"name":value,...}</c>, the form SQLite's
/// <c>json_group_object</c> writes). Names are [A-Za-z0-9_] (<see cref="KeyValue.CounterUpdate.Validate"/>), so
/// nothing is escaped, and reading is a scan of the text rather than a general JSON parse.
/// </summary>
internal static class CounterJson
{
    public static string Write(IReadOnlyDictionary<string, long> counters)
    {
        if (counters.Count == 0)
        {
            return "{}";
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

    /// <summary>The counters of <paramref name="json"/>; throws <see cref="InvalidDataException"/> when it is not such an object.</summary>
    public static Dictionary<string, long> Read(ReadOnlySpan<char> json)
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var rest = Skip(json);
        if (rest.IsEmpty || rest[0] != '{')
        {
            throw Invalid(json);
        }

        rest = Skip(rest[1..]);
        if (!rest.IsEmpty && rest[0] == '}')
        {
            return Skip(rest[1..]).IsEmpty ? counters : throw Invalid(json);
        }

        while (true)
        {
            if (rest.IsEmpty || rest[0] != '"')
            {
                throw Invalid(json);
            }

            var nameEnd = rest[1..].IndexOfAny('"', '\\');
            if (nameEnd < 0 || rest[1 + nameEnd] == '\\')
            {
                throw Invalid(json);
            }

            var name = rest.Slice(1, nameEnd).ToString();
            rest = Skip(rest[(nameEnd + 2)..]);
            if (rest.IsEmpty || rest[0] != ':')
            {
                throw Invalid(json);
            }

            rest = Skip(rest[1..]);
            var valueEnd = rest.IndexOfAny(',', '}');
            if (valueEnd < 0 || !long.TryParse(rest[..valueEnd].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Invalid(json);
            }

            counters[name] = value;
            var end = rest[valueEnd];
            rest = Skip(rest[(valueEnd + 1)..]);
            if (end == '}')
            {
                return rest.IsEmpty ? counters : throw Invalid(json);
            }
        }
    }

    private static ReadOnlySpan<char> Skip(ReadOnlySpan<char> text) => text.TrimStart();

    private static InvalidDataException Invalid(ReadOnlySpan<char> json) =>
        new($"A counter item's counters are not a JSON object of integers: {json.ToString()}");
}
