namespace Esper.Api.Http;

/// <summary>Handles one routed request.</summary>
internal delegate ValueTask<ApiResponse> EndpointHandler(ApiCall call, CancellationToken cancellationToken);
