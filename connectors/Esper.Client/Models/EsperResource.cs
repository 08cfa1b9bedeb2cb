namespace Esper.Client;

/// <summary>What every config resource has: an id, a name and the fields Esper adds when it stores one.</summary>
public abstract record EsperResource
{
    /// <summary>1–64 of <c>[A-Za-z0-9_-]</c>; Esper assigns one when it is null on create.</summary>
    public string? Id { get; init; }

    /// <summary>Required, at most 100 characters.</summary>
    public string Name { get; init; } = "";

    /// <summary>At most 1,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Default true.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Set by Esper.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Set by Esper.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
