using System.Text.Json;

namespace Esper.Api.Contracts;

/// <summary>
/// The runtime and beacon body in its nested shape, for the OpenAPI document (the handler parses bodies itself,
/// see <c>RuntimeEventParser</c>). The flat recipe shape puts the request fields at the top level instead.
/// </summary>
internal sealed record RuntimeBody(
    RuntimeRequestFields Request,
    DateTimeOffset? ObservedAt,
    string? IdempotencyKey,
    string? Source,
    string? ReturnUrl,
    IReadOnlyDictionary<string, JsonElement>? Fields);
