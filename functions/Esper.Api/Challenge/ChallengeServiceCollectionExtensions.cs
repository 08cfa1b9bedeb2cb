using System.Net;
using Esper.Api.Http;
using Esper.Api.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Esper.Api.Challenge;

/// <summary>Registers the managed challenge.</summary>
internal static class ChallengeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the challenge issuer, endpoints and their parts. Uses a registered <see cref="ChallengeSettings"/> (hosts
    /// register the one <see cref="EsperSettings"/> read) or, when none is, the defaults.
    /// </summary>
    public static IServiceCollection AddEsperChallenges(this IServiceCollection services)
    {
        services.TryAddSingleton(static _ => new ChallengeSettings());
        services.TryAddSingleton<ChallengeSessionStore>();
        services.TryAddSingleton(static sp => new TurnstileClient(
            // One long-lived client whose pooled connections are renewed, as IHttpClientFactory would.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All })
            {
                Timeout = TimeSpan.FromSeconds(10),
            },
            sp.GetRequiredService<ChallengeSettings>()));
        services.TryAddSingleton<ChallengeSolver>();
        services.TryAddSingleton<ProofVerifier>();
        services.TryAddSingleton<ChallengeStatusChecker>();
        services.TryAddSingleton<ChallengeIssuer>();
        services.TryAddSingleton<IChallengeIssuer>(static sp => sp.GetRequiredService<ChallengeIssuer>());
        services.AddSingleton<IApiEndpointModule, ChallengeEndpoints>();
        return services;
    }
}
