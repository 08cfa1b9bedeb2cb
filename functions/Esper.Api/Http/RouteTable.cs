namespace Esper.Api.Http;

/// <summary>Matches a method and path against <see cref="ApiRoutes.All"/> templates.</summary>
internal sealed class RouteTable
{
    private readonly (ApiRoute Route, string[] Segments, Endpoint Endpoint)[] _routes;

    public RouteTable(IEnumerable<IApiEndpointModule> modules)
    {
        var endpoints = new Dictionary<string, Endpoint>(StringComparer.Ordinal);
        foreach (var endpoint in modules.SelectMany(m => m.Endpoints))
        {
            if (!endpoints.TryAdd(endpoint.RouteName, endpoint))
            {
                throw new InvalidOperationException($"Route '{endpoint.RouteName}' has two endpoints.");
            }
        }

        var missing = ApiRoutes.All.Where(r => !endpoints.ContainsKey(r.Name)).Select(r => r.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Routes without an endpoint: {string.Join(", ", missing)}.");
        }

        var mismatched = ApiRoutes.All.Where(r => endpoints[r.Name].Access != r.Access).Select(r => r.Name).ToList();
        if (mismatched.Count > 0)
        {
            throw new InvalidOperationException($"Routes whose endpoint declares other access than the route: {string.Join(", ", mismatched)}.");
        }

        _routes = [.. ApiRoutes.All.Select(r => (r, r.Template.Trim('/').Split('/'), endpoints[r.Name]))];
    }

    /// <summary>Finds the endpoint; <paramref name="allowed"/> lists the methods of a path that matched with another method.</summary>
    public Endpoint? Match(string method, string path, out Dictionary<string, string> values, out List<string> allowed)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        allowed = [];
        var segments = path.Trim('/').Split('/');
        foreach (var (route, template, endpoint) in _routes)
        {
            var candidate = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!Matches(template, segments, candidate))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                values = candidate;
                return endpoint;
            }

            allowed.Add(route.Method);
        }

        return null;
    }

    private static bool Matches(string[] template, string[] segments, Dictionary<string, string> values)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                values[t[1..^1]] = segments[i];
            }
            else if (!string.Equals(t, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
