namespace Esper.Core.Resources;

/// <summary>Answers whether referenced resources exist, so the validator can check references.</summary>
public interface IResourceLookup
{
    /// <summary>True when the tenant has an action with this id.</summary>
    bool HasAction(string id);

    /// <summary>True when the tenant has an entity with this id (bundled entities included).</summary>
    bool HasEntity(string id);

    /// <summary>True when the tenant has a mitigation with this id (the built-in <c>monitor</c> always exists).</summary>
    bool HasMitigation(string id);
}
