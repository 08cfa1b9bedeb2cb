using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>
/// The middleware's options. <c>AddEsper()</c> binds them from the <c>Esper</c> configuration section; the client's
/// settings (<c>ApiUrl</c>, <c>ApiKey</c>, timeouts) are read from the same section and fall back to
/// <c>ESPER_API_URL</c>/<c>ESPER_API_KEY</c>. Validated at start-up.
/// </summary>
public sealed class EsperOptions : EsperGuardOptions
{
    /// <summary>Esper's base URL; overrides <c>Esper:ApiUrl</c> and <c>ESPER_API_URL</c> when set. Default null.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The runtime API key; overrides <c>Esper:ApiKey</c> and <c>ESPER_API_KEY</c> when set. Default null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Path prefixes checked with Esper; empty (default) = every path. <c>.RequireEsper()</c> endpoints are always checked.</summary>
    public IList<string> IncludePaths { get; } = [];

    /// <summary>Path prefixes never checked (e.g. <c>/healthz</c>). Default empty. <c>.RequireEsper()</c> endpoints are always checked.</summary>
    public IList<string> ExcludePaths { get; } = [];

    /// <summary>When true, only endpoints marked <c>.RequireEsper()</c> or <c>[RequireEsper]</c> are checked. Default false.</summary>
    public bool RequireOptIn { get; set; }

    /// <summary>Header names to forward; null (default) = every header not in <see cref="DenyHeaders"/>.</summary>
    public ISet<string>? ForwardHeaders { get; set; }

    /// <summary>
    /// Headers never forwarded (case-insensitive). Default <c>authorization</c>, <c>proxy-authorization</c>,
    /// <c>cookie</c> (cookies go as names, see <see cref="CookieValues"/>) and <c>x-esper-api-key</c>.
    /// </summary>
    public ISet<string> DenyHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "x-esper-api-key",
    };

    /// <summary>Forward the <c>Authorization</c> header (removes it from <see cref="DenyHeaders"/>). Default false.</summary>
    public bool ForwardAuthorization { get; set; }

    /// <summary>
    /// Cookies whose values are forwarded; every other cookie is forwarded by name with an empty value. Default empty.
    /// The pass cookie <c>esper_challenge</c> is always forwarded with its value.
    /// </summary>
    public ISet<string> CookieValues { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Use the <c>X-Request-Id</c> header (Heroku's router sets it) as the decision's idempotency key. Default false:
    /// a client can send its own <c>X-Request-Id</c>, and a repeated key replays the first decision without counting,
    /// so only turn this on behind a proxy that always overwrites the header. Otherwise each request gets a fresh key
    /// (retries of one request still share it).
    /// </summary>
    public bool UseRequestIdAsIdempotencyKey { get; set; }

    /// <summary>Extra <c>fields</c> for each request (an account id, a plan); endpoint metadata from <c>.WithEsperFields(...)</c> adds to them. Default null.</summary>
    public Func<HttpContext, IEnumerable<KeyValuePair<string, string>>?>? Fields { get; set; }

    /// <summary>Writes the response of a denied request (block, API challenge, fail closed) instead of the default problem+json. Default null.</summary>
    public Func<HttpContext, EsperVerdict, Task>? OnDenied { get; set; }

    /// <inheritdoc />
    public override IEnumerable<string> Validate()
    {
        foreach (var failure in base.Validate())
        {
            yield return failure;
        }

        foreach (var path in IncludePaths.Concat(ExcludePaths))
        {
            if (!path.StartsWith('/'))
            {
                yield return $"Esper path filter '{path}' must start with '/'.";
            }
        }
    }
}
