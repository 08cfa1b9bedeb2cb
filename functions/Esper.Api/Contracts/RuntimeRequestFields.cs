using System.Text.Json;

namespace Esper.Api.Contracts;

/// <summary>The context of the HTTP request being decided (every field is optional; see docs/field-model.md).</summary>
internal sealed record RuntimeRequestFields(
    string? Method,
    string? Path,
    string? ClientIp,
    string? UserAgent,
    IReadOnlyDictionary<string, string>? Headers,
    IReadOnlyDictionary<string, string>? QueryParams,
    IReadOnlyDictionary<string, string>? Cookies,
    IReadOnlyDictionary<string, string>? RouteParams,
    JsonElement? Body = null);
