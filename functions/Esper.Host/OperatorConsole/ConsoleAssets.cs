using System.Reflection;
using System.Security.Cryptography;

namespace Esper.Host.OperatorConsole;

/// <summary>
/// The console's static files, embedded in this assembly under <c>console/</c> and read once: a handful of small
/// HTML, CSS and JavaScript modules, no build step and nothing fetched from elsewhere.
/// </summary>
internal sealed class ConsoleAssets
{
    private const string Prefix = "console/";
    private readonly Dictionary<string, ConsoleAsset> _assets = new(StringComparer.Ordinal);

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            _assets[path[Prefix.Length..]] = new ConsoleAsset(bytes, ContentType(path), etag);
        }
    }

    /// <summary>The asset at <paramref name="path"/> (relative to <c>/console/</c>; empty is the page), or null.</summary>
    public ConsoleAsset? Find(string? path) => _assets.GetValueOrDefault(string.IsNullOrEmpty(path) ? "index.html" : path);

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
