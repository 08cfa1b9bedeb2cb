namespace Esper.Api.Json;

/// <summary>A list response: <c>{"items": [...]}</c>.</summary>
internal sealed record ItemList<T>(IReadOnlyList<T> Items);
