using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Esper.Api.Operators;

/// <summary>
/// The signing keys of <see cref="OperatorAuthOptions.JwksUrl"/>, fetched on first use and again after
/// <see cref="OperatorAuthOptions.JwksRefreshInterval"/>, or sooner (at most every 30 s) when a token names a key id
/// the cached set lacks, so a provider's key rotation is picked up without a restart.
/// </summary>
internal sealed partial class JwksKeySource(HttpClient http, OperatorAuthOptions options, TimeProvider time, ILogger<JwksKeySource> logger) : IDisposable
{
    private static readonly TimeSpan MinimumRefetch = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = now - _fetchedAt >= options.JwksRefreshInterval;
        var missing = keyId is not null && !_keys.Any(k => k.KeyId == keyId) && now - _fetchedAt >= MinimumRefetch;
        if (!stale && !missing)
        {
            return _keys;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_fetchedAt > now)
            {
                return _keys;
            }

            try
            {
                var json = await http.GetStringAsync(options.JwksUrl, cancellationToken).ConfigureAwait(false);
                _keys = [.. new JsonWebKeySet(json).GetSigningKeys()];
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException)
            {
                // Keep the keys we had: a provider outage must not sign every operator out at once.
                LogJwksFailed(logger, ex, options.JwksUrl!.GetLeftPart(UriPartial.Path));
            }

            _fetchedAt = time.GetUtcNow();
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        http.Dispose();
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Could not fetch the operator JWKS from {Url}; the keys fetched before stay in use")]
    private static partial void LogJwksFailed(ILogger logger, Exception exception, string url);
}
