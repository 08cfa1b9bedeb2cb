namespace Esper.Storage.KeyValue;

/// <summary>The outcome of a conditional write or delete.</summary>
public readonly record struct WriteResult(WriteStatus Status, string? Version)
{
    /// <summary>True when the write or delete took effect.</summary>
    public bool Succeeded => Status == WriteStatus.Written;

    /// <summary>A successful write with its new version (null for deletes).</summary>
    public static WriteResult Written(string? version) => new(WriteStatus.Written, version);

    /// <summary>The precondition did not hold: the item exists (if-absent) or has another version (if-version).</summary>
    public static WriteResult Conflict => new(WriteStatus.Conflict, null);

    /// <summary>An if-version write or a delete found no live item.</summary>
    public static WriteResult NotFound => new(WriteStatus.NotFound, null);
}

/// <summary>Outcomes of a write.</summary>
public enum WriteStatus
{
    /// <summary>The write took effect.</summary>
    Written,

    /// <summary>The precondition failed; nothing changed.</summary>
    Conflict,

    /// <summary>There was no live item; nothing changed.</summary>
    NotFound,
}
