namespace Esper.Api.Http;

/// <summary>The handler of one <see cref="ApiRoute"/>, matched by <see cref="ApiRoute.Name"/>.</summary>
/// <param name="RouteName">The route's <see cref="ApiRoute.Name"/>.</param>
/// <param name="Access">Who may call it.</param>
/// <param name="Handler">The handler.</param>
/// <param name="DefersRateLimit">
/// True when the handler runs <see cref="ApiCall.CheckRateLimitAsync"/> itself, in parallel with its first store reads,
/// to keep a store round trip off the critical path (runtime and beacon).
/// </param>
internal sealed record Endpoint(string RouteName, Access Access, EndpointHandler Handler, bool DefersRateLimit = false);
