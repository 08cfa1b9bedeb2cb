using Esper.Client.Guard;

namespace Esper.Lambda;

/// <summary>The Lambda guard's options: the middleware's mode, failure and forwarding settings, plus where Esper is.</summary>
public sealed class EsperLambdaOptions : EsperGuardOptions
{
    /// <summary>Esper's base URL. Default: the <c>ESPER_API_URL</c> environment variable.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The runtime API key. Default: the <c>ESPER_API_KEY</c> environment variable.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-attempt timeout of a decision. Default 400 ms (see <c>EsperClientOptions.AttemptTimeout</c>).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Total timeout of a decision, retries included. Default 1 s.</summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Headers never forwarded (case-insensitive). Default <c>authorization</c>, <c>proxy-authorization</c>,
    /// <c>cookie</c> (cookies go as names, see <see cref="CookieValues"/>) and <c>x-esper-api-key</c>.
    /// </summary>
    public ISet<string> DenyHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "x-esper-api-key",
    };

    /// <summary>Forward the <c>Authorization</c> header. Default false.</summary>
    public bool ForwardAuthorization { get; set; }

    /// <summary>Cookies whose values are forwarded; others go by name only. The pass cookie always goes with its value. Default empty.</summary>
    public ISet<string> CookieValues { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
