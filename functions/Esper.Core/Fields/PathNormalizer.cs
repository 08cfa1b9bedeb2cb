using System.Text;

namespace Esper.Core.Fields;

/// <summary>
/// Canonical path: scheme and host dropped, query string and fragment split off, percent-decoded, repeated slashes
/// collapsed, dot-segments removed (RFC 3986 section 5.2.4), always starting with '/'.
/// </summary>
internal static class PathNormalizer
{
    public static string? Normalize(string? raw, out string? query)
    {
        query = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var path = raw.AsSpan().Trim();
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            path = path[..hash];
        }

        var questionMark = path.IndexOf('?');
        if (questionMark >= 0)
        {
            query = path[(questionMark + 1)..].ToString();
            path = path[..questionMark];
        }

        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && path[..scheme].IndexOfAny('/', '.') < 0)
        {
            // An absolute URL: keep what follows the authority.
            var rest = path[(scheme + 3)..];
            var slash = rest.IndexOf('/');
            path = slash < 0 ? "/" : rest[slash..];
        }

        if (IsCanonical(path))
        {
            return path.Length == raw.Length ? raw : path.ToString();
        }

        var decoded = path.Contains('%') ? Uri.UnescapeDataString(path.ToString()) : path.ToString();
        return RemoveDotSegments(decoded);
    }

    // The fast path: most paths need no work at all.
    private static bool IsCanonical(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path[0] != '/' || path.Contains('%') || path.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        return !path.Contains("/.", StringComparison.Ordinal);
    }

    private static string RemoveDotSegments(string path)
    {
        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (segment != "." && (segment.Length > 0 || last))
            {
                output.Add(segment);
                continue;
            }

            if (last)
            {
                // "/a/b/.." and "/a/." end in a directory: keep the trailing slash.
                output.Add(string.Empty);
            }
        }

        var builder = new StringBuilder(path.Length + 1);
        foreach (var segment in output)
        {
            builder.Append('/').Append(segment);
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }
}
