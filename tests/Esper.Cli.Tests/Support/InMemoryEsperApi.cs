using System.Globalization;
using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Esper.Cli.Workspace;

namespace Esper.Cli.Tests.Support;

/// <summary>
/// A small stand-in for Esper's config API for tests of the command layer (parsing, planning, output): resources
/// with ETags, 404/409/412 answers, and a switch that fails one kind's writes. The end-to-end tests use the real host.
/// </summary>
internal sealed class InMemoryEsperApi : IEsperApi, IEsperApiFactory
{
    private readonly Dictionary<(ResourceKind, string), (JsonObject Resource, int Version)> _items = [];
    private int _versions;

    public List<string> Calls { get; } = [];

    public List<Connection> Connections { get; } = [];

    public ResourceKind? FailWritesOf { get; set; }

    public List<JsonObject> Keys { get; } = [];

    /// <summary>What results reads answer (one object per policy, in the API's snake_case shape).</summary>
    public List<JsonObject> Results { get; } = [];

    /// <summary>What audit reads answer, newest first.</summary>
    public List<JsonObject> AuditEntries { get; } = [];

    public IEsperApi Create(Connection connection)
    {
        Connections.Add(connection);
        return this;
    }

    public void Seed(ResourceKind kind, JsonObject resource) => _items[(kind, ResourceJson.Id(resource)!)] = (resource, ++_versions);

    public JsonObject? Stored(ResourceKind kind, string id) => _items.TryGetValue((kind, id), out var item) ? item.Resource : null;

    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceKind kind, CancellationToken cancellationToken)
    {
        Calls.Add($"list {kind}");
        return Task.FromResult<IReadOnlyList<JsonObject>>([.. _items.Where(i => i.Key.Item1 == kind).Select(i => (JsonObject)i.Value.Resource.DeepClone())]);
    }

    public Task<VersionedResource?> GetAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        Calls.Add($"get {kind} {id}");
        return Task.FromResult(_items.TryGetValue((kind, id), out var item) ? new VersionedResource((JsonObject)item.Resource.DeepClone(), Tag(item.Version)) : null);
    }

    public Task<VersionedResource> CreateAsync(ResourceKind kind, JsonObject resource, CancellationToken cancellationToken)
    {
        Calls.Add($"create {kind} {ResourceJson.Id(resource)}");
        FailIfAsked(kind);
        var stored = (JsonObject)resource.DeepClone();
        var id = ResourceJson.Id(stored) ?? $"{kind.Singular[..3]}_{_versions + 1}";
        stored["id"] = id;
        if (_items.ContainsKey((kind, id)))
        {
            throw new ApiProblemException(409, "Conflict", $"{kind.Title} '{id}' already exists.", null);
        }

        _items[(kind, id)] = (stored, ++_versions);
        return Task.FromResult(new VersionedResource((JsonObject)stored.DeepClone(), Tag(_versions)));
    }

    public Task<VersionedResource> ReplaceAsync(ResourceKind kind, string id, JsonObject resource, string? ifMatch, CancellationToken cancellationToken)
    {
        Calls.Add($"replace {kind} {id} if-match {ifMatch}");
        FailIfAsked(kind);
        if (!_items.TryGetValue((kind, id), out var current))
        {
            throw new ApiProblemException(404, "Not found", $"No {kind} '{id}'.", null);
        }

        if (ifMatch is not null && ifMatch != Tag(current.Version))
        {
            throw new ApiProblemException(412, "Precondition failed", $"{kind.Title} '{id}' changed since it was read; read it again and retry.", null);
        }

        var stored = (JsonObject)resource.DeepClone();
        stored["id"] = id;
        _items[(kind, id)] = (stored, ++_versions);
        return Task.FromResult(new VersionedResource((JsonObject)stored.DeepClone(), Tag(_versions)));
    }

    public Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        Calls.Add($"delete {kind} {id}");
        return _items.Remove((kind, id)) ? Task.CompletedTask : throw new ApiProblemException(404, "Not found", $"No {kind} '{id}'.", null);
    }

    public Task<IReadOnlyList<JsonObject>> ListKeysAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<JsonObject>>(Keys);

    public Task<JsonObject> CreateKeyAsync(string name, string scope, string trustLevel, CancellationToken cancellationToken) =>
        Task.FromResult(new JsonObject { ["id"] = "key_1", ["name"] = name, ["scope"] = scope, ["trust_level"] = trustLevel, ["secret"] = "esk_default_" + new string('a', 48) });

    public Task RevokeKeyAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<JsonObject>> PolicyResultsAsync(CancellationToken cancellationToken)
    {
        Calls.Add("results");
        return Task.FromResult<IReadOnlyList<JsonObject>>([.. Results.Select(r => (JsonObject)r.DeepClone())]);
    }

    public Task<JsonObject> PolicyResultAsync(string policyId, CancellationToken cancellationToken)
    {
        Calls.Add($"results {policyId}");
        var found = Results.FirstOrDefault(r => ResourceJson.Text(r, "policy_id") == policyId)
            ?? throw new ApiProblemException(404, "Not found", $"No policy '{policyId}'.", null);
        return Task.FromResult((JsonObject)found.DeepClone());
    }

    public Task<IReadOnlyList<JsonObject>> AuditAsync(int limit, CancellationToken cancellationToken)
    {
        Calls.Add($"audit {limit.ToString(CultureInfo.InvariantCulture)}");
        return Task.FromResult<IReadOnlyList<JsonObject>>([.. AuditEntries.Take(limit).Select(e => (JsonObject)e.DeepClone())]);
    }

    private void FailIfAsked(ResourceKind kind)
    {
        if (FailWritesOf == kind)
        {
            throw new ApiProblemException(400, "The request is not valid.", "clauses[0].window.seconds: must be between 1 and 86400", "clauses[0].window.seconds");
        }
    }

    private static string Tag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
}
