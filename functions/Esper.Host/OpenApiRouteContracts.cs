using System.Text.Json;
using System.Text.Json.Serialization;
using Esper.Api.Contracts;
using Esper.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Esper.Host;

/// <summary>
/// Projects each <see cref="ApiRoute"/> into its OpenAPI operation: the request body's schema, the path parameters
/// and who may call it. Bodies are not declared as endpoint metadata because routing would then answer a wrong
/// Content-Type itself, without the problem+json body the handler gives; path parameters are read by the shared
/// handler, not bound by the endpoint.
/// </summary>
internal static class OpenApiRouteContracts
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerKeyScheme = "BearerKey";
    public const string OperatorScheme = "OperatorToken";
    public const string JwtScheme = "OperatorJwt";

    /// <summary>
    /// The schemas come from the same source-generated contracts the handlers write, with their wire conventions:
    /// snake_case names, nulls left out, numbers only as numbers.
    /// </summary>
    public static void ConfigureJson(Microsoft.AspNetCore.Http.Json.JsonOptions options)
    {
        options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiSchemas.TypeInfoResolver);
    }

    /// <summary>A property that may be null is left out of the body when it is (every contract writes nulls that way), so it is not required.</summary>
    public static Task OptionalNullsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        OptionalNulls(schema);
        return Task.CompletedTask;
    }

    /// <summary>The read-only <c>warnings</c> a write of these resources may answer with (<see cref="ApiSchemas.AnsweredWithWarnings"/>).</summary>
    public static Task WriteWarningsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ApiSchemas.AnsweredWithWarnings.Contains(context.JsonTypeInfo.Type) && schema.Properties is { } properties)
        {
            properties["warnings"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                ReadOnly = true,
                Description = "Only in the answer of a write, and only when the saved resource cannot work as configured on this runtime "
                    + "(e.g. a challenge mitigation while ESPER_PUBLIC_URL is not set). Never stored; not accepted in a request.",
            };
        }

        return Task.CompletedTask;
    }

    private static void OptionalNulls(OpenApiSchema schema)
    {
        if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
        {
            foreach (var (name, property) in properties)
            {
                if (IsNullable(property))
                {
                    required.Remove(name);
                }
            }
        }
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)
        || schema.OneOf?.Any(static s => s.Type is { } t && t.HasFlag(JsonSchemaType.Null)) == true;

    public static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The served document must equal the checked-in copy whatever address the host listens on.
        document.Servers?.Clear();
        document.Info.Title = "Esper API";
        document.Info.Version = "v1";
        document.Info.Description = "Request decisions (allow, challenge, block), their configuration and their results. Every error is application/problem+json (RFC 9457).";
        document.Components ??= new OpenApiComponents();
        foreach (var schema in document.Components.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            // Schemas that were completed after the schema transformers ran (nullable references become oneOf then).
            OptionalNulls(schema);
        }

        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-esper-api-key",
            Description = "A tenant API key (esk_...). Runtime keys may call the runtime, beacon and proof routes; admin keys every tenant route.",
        };
        document.Components.SecuritySchemes[BearerKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key sent as Authorization: Bearer <key>.",
        };
        document.Components.SecuritySchemes[OperatorScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The operator token (ESPER_OPERATOR_TOKEN), for tenant management only.",
        };
        document.Components.SecuritySchemes[JwtScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A signed-in operator's JWT from the identity provider (ESPER_JWT_* settings). It acts in the tenant the path "
                + "or the x-esper-tenant header names, with the user's role there; admin routes only. See docs/operators.md.",
        };
        return Task.CompletedTask;
    }

    public static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (ApiRoutes.All.FirstOrDefault(r => r.Name == name) is not { } route)
        {
            return;
        }

        if (route.RequestBody is { } body)
        {
            var schema = await context.GetOrCreateSchemaAsync(body, null, cancellationToken).ConfigureAwait(false);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [route.RequestContentType] = new() { Schema = schema, Example = route.RequestExample is { } example ? System.Text.Json.Nodes.JsonNode.Parse(example) : null },
                },
            };
        }
        else
        {
            // A route that takes no body (DELETE, a cancel) says so: no request body at all.
            operation.RequestBody = null;
        }

        foreach (var segment in route.Template.Split('/'))
        {
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = segment[1..^1],
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        operation.Security = route.Access switch
        {
            Access.Runtime =>
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerKeyScheme, context.Document)] = [] },
            ],

            // An operator's JWT is taken on admin routes only (OperatorCallers), as an alternative to an admin key.
            Access.Admin =>
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerKeyScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(JwtScheme, context.Document)] = [] },
            ],
            Access.Operator => [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OperatorScheme, context.Document)] = [] }],
            _ => null,
        };
    }
}
