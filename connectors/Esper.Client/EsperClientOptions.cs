namespace Esper.Client;

/// <summary>
/// Where Esper is and how long to wait for it. Validated at start-up: a missing <see cref="ApiUrl"/> or
/// <see cref="ApiKey"/> stops the app with a message naming the setting.
/// </summary>
public sealed class EsperClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiUrl"/> is not set.</summary>
    public const string ApiUrlVariable = "ESPER_API_URL";

    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyVariable = "ESPER_API_KEY";

    /// <summary>Esper's base URL, e.g. <c>https://esper.example</c>. Default: the <c>ESPER_API_URL</c> environment variable. Required.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The API key sent as <c>x-esper-api-key</c> (a <c>runtime</c> key for connectors). Default: <c>ESPER_API_KEY</c>. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long one decision, beacon or proof attempt may take before it is abandoned and retried. Default 400 ms:
    /// above a JIT cold start of Esper's Lambda (about 360 ms), far above a warm decision (a few ms).
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// How long a decision may take in all, retries included, before the caller treats Esper as unavailable.
    /// Default 1 s. Must exceed <see cref="AttemptTimeout"/>.
    /// </summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Retries after a transient failure (timeout, connection error, 408/429/5xx). Default 2. Decision and beacon
    /// retries resend the same <c>idempotency_key</c>, so Esper counts a retried decision once.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The total timeout of control-plane calls (config, keys, results, audit). Default 30 s; each attempt gets a third of it.</summary>
    public TimeSpan ControlTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the circuit stays open after failures reached half of the recent decision calls (at least 10 calls in
    /// 30 s). Default 5 s; while it is open, calls fail at once with <see cref="EsperUnavailableReason.CircuitOpen"/>.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
