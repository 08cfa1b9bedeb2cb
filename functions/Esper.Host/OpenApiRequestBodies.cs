using Esper.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Esper.Host;

/// <summary>
/// Describes the JSON request bodies in the OpenAPI document. They are not declared as endpoint metadata because
/// that would make routing answer a wrong Content-Type itself, without the problem+json body the handler gives.
/// </summary>
internal static class OpenApiRequestBodies
{
    public static Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod;
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (method is "POST" or "PUT" or "PATCH" && ApiRoutes.All.Any(r => r.Name == name))
        {
            var mediaType = method == "PATCH" ? "application/merge-patch+json" : "application/json";
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
            };
        }

        return Task.CompletedTask;
    }
}
