using System.Text.Json.Nodes;

namespace Esper.Client;

/// <summary>CRUD of one config resource kind, with ETags for optimistic concurrency.</summary>
public interface IEsperResources<T>
    where T : EsperResource
{
    /// <summary>Every resource of the kind.</summary>
    Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One resource and its ETag, or null when there is none with that id.</summary>
    Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates a resource (Esper assigns the id when it is null).</summary>
    Task<Versioned<T>> CreateAsync(T resource, CancellationToken cancellationToken = default);

    /// <summary>Replaces a resource; with <paramref name="ifMatch"/>, a changed resource fails with 412 <c>precondition-failed</c>.</summary>
    Task<Versioned<T>> ReplaceAsync(string id, T resource, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Applies a JSON merge patch (RFC 7396).</summary>
    Task<Versioned<T>> PatchAsync(string id, JsonObject patch, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a resource; one still in use fails with 409.</summary>
    Task DeleteAsync(string id, string? ifMatch = null, CancellationToken cancellationToken = default);
}
