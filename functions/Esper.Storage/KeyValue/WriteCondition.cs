namespace Esper.Storage.KeyValue;

/// <summary>The precondition of a conditional write.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(WriteConditionKind kind, string? version)
    {
        Kind = kind;
        Version = version;
    }

    /// <summary>What the write requires of the current item.</summary>
    public WriteConditionKind Kind { get; }

    /// <summary>The expected version, for <see cref="WriteConditionKind.IfVersion"/>.</summary>
    public string? Version { get; }

    /// <summary>Write whatever is there (upsert).</summary>
    public static WriteCondition None => new(WriteConditionKind.None, null);

    /// <summary>Write only when no live item exists (put-if-absent).</summary>
    public static WriteCondition IfAbsent => new(WriteConditionKind.IfAbsent, null);

    /// <summary>Write only when the live item has this version.</summary>
    public static WriteCondition IfVersion(string version) => new(WriteConditionKind.IfVersion, version ?? throw new ArgumentNullException(nameof(version)));
}

/// <summary>Kinds of write precondition.</summary>
public enum WriteConditionKind
{
    /// <summary>No precondition.</summary>
    None,

    /// <summary>No live item may exist.</summary>
    IfAbsent,

    /// <summary>The live item must have the given version.</summary>
    IfVersion,
}
