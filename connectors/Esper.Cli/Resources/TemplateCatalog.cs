using System.Text.Json.Nodes;
using Esper.Cli.Infrastructure;

namespace Esper.Cli.Resources;

/// <summary>
/// The templates bundled in the tool (embedded <c>Templates/&lt;kind&gt;/&lt;name&gt;.json</c>). <c>default</c> names
/// one of each kind: action <c>login</c>, entity <c>ip-user-agent</c>, mitigation <c>block</c>, policy <c>login-burst</c>.
/// </summary>
internal static class TemplateCatalog
{
    private static readonly Dictionary<ResourceKind, string> Defaults = new()
    {
        [ResourceKind.Action] = "login",
        [ResourceKind.Entity] = "ip-user-agent",
        [ResourceKind.Mitigation] = "block",
        [ResourceKind.Policy] = "login-burst",
    };

    /// <summary>The starter set <c>esper templates generate</c> writes: one consistent policy set.</summary>
    public static IReadOnlyList<(ResourceKind Kind, string Name)> StarterSet { get; } =
    [
        (ResourceKind.Action, "login"),
        (ResourceKind.Entity, "login-actor"),
        (ResourceKind.Mitigation, "block"),
        (ResourceKind.Policy, "login-burst"),
    ];

    public static IReadOnlyList<Template> All() =>
        [.. typeof(TemplateCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
            .Select(n => n.Split('/'))
            .Where(p => p.Length == 3 && ResourceKind.Find(p[1]) is not null)
            .Select(p => Read(ResourceKind.Find(p[1])!, Path.GetFileNameWithoutExtension(p[2])))
            .OrderBy(t => t.Kind.Order).ThenBy(t => t.Name, StringComparer.Ordinal)];

    public static string DefaultName(ResourceKind kind) => Defaults[kind];

    public static Template Get(ResourceKind kind, string name)
    {
        var resolved = name == "default" ? Defaults[kind] : name;
        var known = All().Where(t => t.Kind == kind).Select(t => t.Name).ToList();
        return known.Contains(resolved)
            ? Read(kind, resolved)
            : throw new UsageException($"No {kind} template '{name}'; bundled: default, {string.Join(", ", known)}");
    }

    private static Template Read(ResourceKind kind, string name)
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream($"templates/{kind.Plural}/{name}.json")
            ?? throw new InvalidOperationException($"template {kind.Plural}/{name} is not embedded");
        return new Template(kind, name, (JsonObject)JsonNode.Parse(stream)!);
    }
}
