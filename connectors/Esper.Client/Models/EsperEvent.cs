namespace Esper.Client;

/// <summary>One request's context as Esper's runtime decision and beacon read it (the nested event shape).</summary>
public sealed record EsperEvent
{
    /// <summary>When the request was observed; Esper's windows use its own clock, this is recorded.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>Makes retries safe: a repeat within 24 hours answers the same decision and counts once. The client fills one in when it is null.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Where a solved challenge sends the visitor back to (normally the original URL).</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>Which integration sent the event, e.g. <c>aspnetcore</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The HTTP request.</summary>
    public EsperRequest Request { get; init; } = new();

    /// <summary>Extra tenant fields (<c>fields.&lt;name&gt;</c> in expressions).</summary>
    public IDictionary<string, string>? Fields { get; init; }
}
