namespace Esper.Api.Http;

/// <summary>The handler of one <see cref="ApiRoute"/>, matched by <see cref="ApiRoute.Name"/>.</summary>
internal sealed record Endpoint(string RouteName, Access Access, EndpointHandler Handler);
