namespace Esper.Api.Http;

/// <summary>
/// The single entry point every host calls: ASP.NET Core, Azure Functions and AWS Lambda only translate their
/// request into an <see cref="ApiRequest"/>, call this, and write the <see cref="ApiResponse"/> back.
/// </summary>
public interface IApiHandler
{
    /// <summary>Handles one request. Never throws for bad input: every failure is a problem+json response.</summary>
    Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken = default);
}
