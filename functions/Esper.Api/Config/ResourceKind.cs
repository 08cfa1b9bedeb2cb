using System.Text.Json.Serialization.Metadata;
using Esper.Core.Resources;

namespace Esper.Api.Config;

/// <summary>How the config endpoints treat one kind of resource: its names, JSON contract, id and validation.</summary>
internal sealed class ResourceKind<T>(
    string plural,
    string singular,
    string routeSuffix,
    string routePluralSuffix,
    JsonTypeInfo<T> typeInfo,
    Func<T, string> getId,
    Action<T, string> setId,
    Func<T, IResourceLookup, IReadOnlyList<ValidationError>> validate)
    where T : class
{
    /// <summary>Path segment, e.g. <c>actions</c>.</summary>
    public string Plural { get; } = plural;

    /// <summary>Store kind and audit resource name, e.g. <c>action</c>.</summary>
    public string Singular { get; } = singular;

    /// <summary>Route name suffix, e.g. <c>Action</c> in <c>CreateAction</c>.</summary>
    public string RouteSuffix { get; } = routeSuffix;

    /// <summary>Route name suffix of the list, e.g. <c>Entities</c> in <c>ListEntities</c>.</summary>
    public string RoutePluralSuffix { get; } = routePluralSuffix;

    public JsonTypeInfo<T> TypeInfo { get; } = typeInfo;

    public string GetId(T resource) => getId(resource);

    public void SetId(T resource, string id) => setId(resource, id);

    public IReadOnlyList<ValidationError> Validate(T resource, IResourceLookup lookup) => validate(resource, lookup);
}
