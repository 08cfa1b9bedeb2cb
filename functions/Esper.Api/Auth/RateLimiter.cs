using System.Globalization;
using Esper.Api.Http;
using Esper.Storage.Repositories;

namespace Esper.Api.Auth;

/// <summary>
/// A fixed one-minute window per API key, counted in the store so every process serving the key shares it.
/// Over the limit, the request is refused with 429 and <c>Retry-After</c> = seconds to the next minute.
/// </summary>
internal sealed class RateLimiter(RateLimitRepository repository, EsperApiOptions options, TimeProvider time)
{
    public async ValueTask<ApiResponse?> CheckAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (options.RateLimitPerMinute <= 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var minuteStart = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60);
        var count = await repository.HitAsync(caller.TenantId, caller.KeyId, minuteStart, cancellationToken).ConfigureAwait(false);
        if (count <= options.RateLimitPerMinute)
        {
            return null;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling((minuteStart.AddMinutes(1) - now).TotalSeconds));
        return Problems.Create(
            429,
            "rate-limited",
            "Too many requests for this API key.",
            $"The limit is {options.RateLimitPerMinute} requests per minute per key.",
            headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture) });
    }
}
