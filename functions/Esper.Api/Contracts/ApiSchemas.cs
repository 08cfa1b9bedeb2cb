using System.Text.Json.Serialization.Metadata;
using Esper.Api.Challenge;
using Esper.Api.Json;

namespace Esper.Api.Contracts;

/// <summary>The JSON contracts of every request and response, for hosts that describe the API (OpenAPI).</summary>
public static class ApiSchemas
{
    /// <summary>Resolves the snake_case contract of each type an <see cref="Http.ApiRoute"/> names.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } =
        JsonTypeInfoResolver.Combine(ContractJsonContext.Default, ReadableJson.Api, ReadableJson.Core, ChallengeJsonContext.Default, Hybrid.HybridJsonContext.Default);

    /// <summary>The problem+json body every error response carries.</summary>
    public static Type Problem => typeof(ProblemBody);
}
