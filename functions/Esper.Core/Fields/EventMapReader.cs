using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Reads the name/value maps of an event (headers, query, cookies, route, fields) with their limits.</summary>
internal static class EventMapReader
{
    private const int MaxNameInMessage = 64;

    public static ParseResult? Read(JsonElement value, string path, ref Dictionary<string, string>? into, int maxEntries, bool lowerCaseNames, string? userAgent = null)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail(path, $"{path} must be an object.");
        }

        foreach (var property in value.EnumerateObject())
        {
            into ??= new Dictionary<string, string>(value.GetPropertyCount(), StringComparer.Ordinal);
            var name = lowerCaseNames ? CommonHeaderNames.NameOf(property) : property.Name;
            if (AddEntry(into, name, property.Value, path, maxEntries, lowerCaseNames, path, userAgent) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    public static ParseResult? AddEntry(
        Dictionary<string, string> into, string name, JsonElement value, string? entryPrefix, int maxEntries, bool lowerCaseNames, string mapPath, string? userAgent = null)
    {
        // The entry's path is only built for an error message: <map>.<name>, or the bare key for flat extra fields.
        string EntryPath() => entryPrefix is null ? Shorten(name) : entryPrefix + "." + Shorten(name);

        if (name.Trim().Length == 0 || name.Length > FieldLimits.MaxNameLength)
        {
            return ParseResult.Fail(EntryPath(), $"{EntryPath()}: names must be 1 to {FieldLimits.MaxNameLength} characters.");
        }

        string? text;
        if (value.ValueKind == JsonValueKind.Array && mapPath.EndsWith("headers", StringComparison.Ordinal))
        {
            // A header sent as a list of values folds into one comma-separated value, as HTTP does.
            var parts = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (BodyFlattener.ScalarText(item) is not { } part)
                {
                    return ParseResult.Fail(EntryPath(), $"{EntryPath()} must be a string or a list of strings.");
                }

                parts.Add(part);
            }

            text = string.Join(", ", parts);
        }
        else if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        else if (userAgent is not null && value.ValueKind == JsonValueKind.String
            && string.Equals(name, "user-agent", StringComparison.OrdinalIgnoreCase) && value.ValueEquals(userAgent))
        {
            // The user agent usually comes twice (user_agent and its header): one string serves both.
            text = userAgent;
        }
        else if ((text = BodyFlattener.ScalarText(value)) is null)
        {
            return ParseResult.Fail(EntryPath(), $"{EntryPath()} must be a string, number or boolean.");
        }

        if (text.Length > FieldLimits.MaxValueLength)
        {
            return ParseResult.Fail(EntryPath(), $"{EntryPath()} is longer than {FieldLimits.MaxValueLength} characters.");
        }

        var key = lowerCaseNames ? name.Trim().ToLowerInvariant() : name;
        if (into.TryGetValue(key, out var existing))
        {
            into[key] = existing + ", " + text;
            return null;
        }

        if (into.Count >= maxEntries)
        {
            return ParseResult.Fail(mapPath, $"{mapPath} has more than {maxEntries} entries.");
        }

        into[key] = text;
        return null;
    }

    private static string Shorten(string name) => name.Length <= MaxNameInMessage ? name : name[..MaxNameInMessage] + "...";
}
