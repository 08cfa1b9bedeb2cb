namespace Esper.Core.Resources;

/// <summary>The bounds <see cref="ResourceValidator"/> enforces.</summary>
public static class ResourceLimits
{
    /// <summary>Longest identifier.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>Longest expression in the text form.</summary>
    public const int MaxExpressionTextLength = 4096;

    /// <summary>Most key fields of an entity.</summary>
    public const int MaxKeyFields = 8;

    /// <summary>Longest field name.</summary>
    public const int MaxFieldNameLength = 200;

    /// <summary>Most clauses in one policy.</summary>
    public const int MaxClausesPerPolicy = 50;

    /// <summary>Most required actions in one clause.</summary>
    public const int MaxActionsPerClause = 16;

    /// <summary>Longest window.</summary>
    public const int MaxWindowSeconds = 86_400;

    /// <summary>Largest window threshold.</summary>
    public const long MaxThreshold = 1_000_000_000;

    /// <summary>Longest mitigation duration (30 days).</summary>
    public const long MaxDurationSeconds = 30L * 86_400;

    /// <summary>Longest block message.</summary>
    public const int MaxBlockMessageLength = 1024;

    /// <summary>Longest challenge return URL template.</summary>
    public const int MaxReturnUrlTemplateLength = 2048;

    /// <summary>Most allowed return origins on one challenge mitigation.</summary>
    public const int MaxAllowedOrigins = 20;
}
