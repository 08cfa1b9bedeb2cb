using Esper.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Esper.Host;

/// <summary>
/// Describes the JSON request bodies and path parameters in the OpenAPI document. Bodies are not declared as
/// endpoint metadata because that would make routing answer a wrong Content-Type itself, without the problem+json
/// body the handler gives; path parameters are read by the shared handler, not bound by the endpoint.
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

        var route = ApiRoutes.All.FirstOrDefault(r => r.Name == name);
        if (route is not null && route.Template.Contains("{id}", StringComparison.Ordinal))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "id",
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }
}
