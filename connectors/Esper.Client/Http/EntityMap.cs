using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Esper.Client.Http;

/// <summary>A decision's few entity keys in one array: a read-only map much smaller than a dictionary for a handful of entries.</summary>
internal sealed class EntityMap(KeyValuePair<string, string>[] entries, int count) : IReadOnlyDictionary<string, string>
{
    public int Count => count;

    public IEnumerable<string> Keys => this.Select(static e => e.Key);

    public IEnumerable<string> Values => this.Select(static e => e.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entity '{key}' in the decision.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                value = entries[i].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
