using System.Collections.ObjectModel;

namespace Esper.Api.Http;

/// <summary>
/// One shared, read-only empty map for requests and responses without headers or query parameters, instead of a new
/// dictionary per request and response. Look-ups on it find nothing whatever the comparer.
/// </summary>
internal static class EmptyHeaders
{
    public static IReadOnlyDictionary<string, string> Instance { get; } =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
}
