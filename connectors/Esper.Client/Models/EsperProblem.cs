namespace Esper.Client;

/// <summary>An <c>application/problem+json</c> answer from Esper.</summary>
public sealed record EsperProblem
{
    private const string TypePrefix = "urn:esper:problem:";

    /// <summary>The problem type, <c>urn:esper:problem:&lt;code&gt;</c>.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; init; }

    /// <summary>What exactly went wrong.</summary>
    public string? Detail { get; init; }

    /// <summary>The JSON path of the first bad field, when there is one.</summary>
    public string? Field { get; init; }

    /// <summary>For a text expression, the zero-based position of the error.</summary>
    public int? Position { get; init; }

    /// <summary>Every field error.</summary>
    public IReadOnlyList<EsperFieldError>? Errors { get; init; }

    /// <summary>The code after <c>urn:esper:problem:</c> (<c>validation</c>, <c>proof-replayed</c>, …).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Code => Type is { } type && type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : Type ?? "unknown";
}
