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
    /// <remarks>
    /// Runs on every request: templates are compared segment by segment over the path in place, and the route values
    /// are only built for the route that matches (most routes fail on their first segments).
    /// </remarks>
    public Endpoint? Match(string method, string path, out Dictionary<string, string> values, out List<string> allowed)
    {
        allowed = [];
        var segments = Split(path);
        foreach (var (route, template, endpoint) in _routes)
        {
            if (!Matches(template, path, segments))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                values = Values(template, path, segments);
                return endpoint;
            }

            allowed.Add(route.Method);
        }

        values = new Dictionary<string, string>(StringComparer.Ordinal);
        return null;
    }

    /// <summary>The path's segments as ranges, as <c>path.Trim('/').Split('/')</c> would cut them.</summary>
    private static Range[] Split(string path)
    {
        var start = 0;
        var end = path.Length;
        while (start < end && path[start] == '/')
        {
            start++;
        }

        while (end > start && path[end - 1] == '/')
        {
            end--;
        }

        var ranges = new Range[path.AsSpan(start, end - start).Count('/') + 1];
        var from = start;
        for (var i = 0; i < ranges.Length - 1; i++)
        {
            var slash = path.IndexOf('/', from, end - from);
            ranges[i] = new Range(from, slash);
            from = slash + 1;
        }

        ranges[^1] = new Range(from, end);
        return ranges;
    }

    private static bool Matches(string[] template, string path, Range[] segments)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            var segment = path.AsSpan()[segments[i]];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (segment.IsEmpty)
                {
                    return false;
                }
            }
            else if (!segment.SequenceEqual(t))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, string> Values(string[] template, string path, Range[] segments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                values[t[1..^1]] = path[segments[i]];
            }
        }

        return values;
    }
}
