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

    /// <summary>
    /// Resources whose write answers (create, replace, patch) may carry a <c>warnings</c> array: why the saved resource
    /// cannot work as configured on this runtime. Read-only: never stored, never accepted in a request body.
    /// </summary>
    public static IReadOnlyList<Type> AnsweredWithWarnings { get; } = [typeof(Esper.Core.Resources.MitigationDefinition)];

    /// <summary>The problem+json body every error response carries.</summary>
    public static Type Problem => typeof(ProblemBody);
}
