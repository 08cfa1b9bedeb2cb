using System.Text.Json.Nodes;
using Esper.Cli.Workspace;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The synced copy of origin's config under <c>~/.esper/cache/</c>: <c>config.json</c> (the whole snapshot as origin
/// served it, plus its <c>etag</c>; what <c>esper run</c> loads) and one <c>&lt;kind&gt;.json</c> per kind
/// (<c>{"version","etag","items"}</c>, for people and scripts). Files are replaced atomically (write, then rename).
/// </summary>
internal sealed class ConfigCache(EsperHome home)
{
    /// <summary>The kinds a snapshot holds, in the order sync prints them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["actions", "entities", "mitigations", "policies"];

    public string SnapshotFile => Path.Combine(home.CacheRoot, "config.json");

    public string KindFile(string kind) => Path.Combine(home.CacheRoot, kind + ".json");

    /// <summary>The ETag to send: the one every requested file was synced at, or null when they differ or are missing.</summary>
    public string? ETagFor(IReadOnlyList<string> kinds)
    {
        var files = kinds.Count == Kinds.Count ? [SnapshotFile, .. kinds.Select(KindFile)] : kinds.Select(KindFile).ToList();
        var tags = files.Select(f => Read(f)?["etag"]?.GetValue<string>()).Distinct().ToList();
        return tags.Count == 1 ? tags[0] : null;
    }

    /// <summary>The last synced snapshot, or null before the first sync.</summary>
    public JsonObject? LoadSnapshot() => Read(SnapshotFile);

    /// <summary>Writes the requested kinds (and, when all are requested, the whole snapshot) and says what changed.</summary>
    public IReadOnlyList<KindChange> Store(JsonObject snapshot, string? etag, IReadOnlyList<string> kinds)
    {
        Directory.CreateDirectory(home.CacheRoot);
        var version = snapshot["version"]?.GetValue<string>() ?? "0";
        var changes = new List<KindChange>();
        foreach (var kind in kinds)
        {
            var items = snapshot[kind]?.AsArray() ?? [];
            var before = ById(Read(KindFile(kind))?["items"]?.AsArray());
            var after = ById(items);
            changes.Add(new KindChange(
                kind,
                version,
                [.. after.Keys.Where(id => !before.ContainsKey(id)).Order(StringComparer.Ordinal)],
                [.. after.Where(a => before.TryGetValue(a.Key, out var old) && !JsonNode.DeepEquals(old, a.Value)).Select(a => a.Key).Order(StringComparer.Ordinal)],
                [.. before.Keys.Where(id => !after.ContainsKey(id)).Order(StringComparer.Ordinal)]));
            Write(KindFile(kind), new JsonObject { ["version"] = version, ["etag"] = etag, ["items"] = items.DeepClone() });
        }

        if (kinds.Count == Kinds.Count)
        {
            var copy = snapshot.DeepClone().AsObject();
            copy["etag"] = etag;
            Write(SnapshotFile, copy);
        }

        return changes;
    }

    private static Dictionary<string, JsonNode> ById(JsonArray? items) =>
        (items ?? []).Where(i => i?["id"] is not null).ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!, StringComparer.Ordinal);

    private static JsonObject? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // A damaged cache file counts as missing: the next sync rewrites it.
            return null;
        }
    }

    private static void Write(string path, JsonObject value)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, value.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, path, overwrite: true);
    }
}
