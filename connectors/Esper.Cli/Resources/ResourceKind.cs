namespace Esper.Cli.Resources;

/// <summary>One of the four config resource kinds, with the names the commands, the API and the data folder use.</summary>
internal sealed record ResourceKind(string Singular, string Plural, string Title, int Order)
{
    public static readonly ResourceKind Action = new("action", "actions", "Action", 0);
    public static readonly ResourceKind Entity = new("entity", "entities", "Entity", 1);
    public static readonly ResourceKind Mitigation = new("mitigation", "mitigations", "Mitigation", 2);
    public static readonly ResourceKind Policy = new("policy", "policies", "Policy", 3);

    /// <summary>In dependency order: a later kind may reference an earlier one, never the reverse.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } = [Action, Entity, Mitigation, Policy];

    /// <summary>A kind by its singular or plural name (<c>policy</c>, <c>policies</c>), or null.</summary>
    public static ResourceKind? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Singular, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Plural, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Singular;
}
