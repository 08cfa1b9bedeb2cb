namespace Esper.Core.Resources;

/// <summary>An <see cref="IResourceLookup"/> over known id sets.</summary>
public sealed class ResourceLookup : IResourceLookup
{
    private readonly HashSet<string> _actions;
    private readonly HashSet<string> _entities;
    private readonly HashSet<string> _mitigations;

    /// <summary>Creates a lookup over the given ids.</summary>
    public ResourceLookup(IEnumerable<string> actionIds, IEnumerable<string> entityIds, IEnumerable<string> mitigationIds)
    {
        _actions = new HashSet<string>(actionIds, StringComparer.Ordinal);
        _entities = new HashSet<string>(entityIds, StringComparer.Ordinal) { BundledEntities.IpUserAgentId, BundledEntities.BotCrawlersId };
        _mitigations = new HashSet<string>(mitigationIds, StringComparer.Ordinal) { BuiltInMitigations.MonitorId };
    }

    /// <inheritdoc />
    public bool HasAction(string id) => _actions.Contains(id);

    /// <inheritdoc />
    public bool HasEntity(string id) => _entities.Contains(id);

    /// <inheritdoc />
    public bool HasMitigation(string id) => _mitigations.Contains(id);
}
