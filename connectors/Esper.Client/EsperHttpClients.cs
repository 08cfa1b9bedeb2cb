namespace Esper.Client;

/// <summary>
/// Names of the two <see cref="System.Net.Http.IHttpClientFactory"/> clients the Esper client uses, for apps that
/// add their own handlers (a proxy, logging) with <c>services.AddHttpClient(EsperHttpClients.Runtime)</c>.
/// </summary>
public static class EsperHttpClients
{
    /// <summary>Decisions, beacons and proof verification: short timeouts, idempotent retries, circuit breaker.</summary>
    public const string Runtime = "Esper.Runtime";

    /// <summary>Config, keys, results and audit: longer timeouts, retries only for safe methods.</summary>
    public const string Control = "Esper.Control";
}
