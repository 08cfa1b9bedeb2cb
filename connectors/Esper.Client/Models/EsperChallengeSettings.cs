namespace Esper.Client;

/// <summary>A challenge mitigation's provider, return URL template and allowed return origins.</summary>
public sealed record EsperChallengeSettings
{
    /// <summary><c>proof_of_work</c> (default) or <c>turnstile</c>.</summary>
    public string? Provider { get; init; }

    /// <summary>Where visitors return when the runtime request has no <c>return_url</c>; <c>{path}</c> is the request's path.</summary>
    public string? ReturnUrlTemplate { get; init; }

    /// <summary>Origins visitors may be sent back to.</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }
}
