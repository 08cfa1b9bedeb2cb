using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Apply;

/// <summary>
/// Loads a policy set from a folder: every <c>.json</c>/<c>.yaml</c>/<c>.yml</c> file under <c>actions/</c>,
/// <c>entities/</c>, <c>mitigations/</c> or <c>policies/</c> (the layout <c>esper templates generate</c> writes). Files
/// elsewhere in the folder are an error, so nothing is silently left out; hidden files and other extensions are skipped.
/// </summary>
internal static class ResourceSetLoader
{
    public static IReadOnlyList<ResourceFile> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{directory}: no such folder");
        }

        var files = new List<ResourceFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path);
            if (!ResourceFileLoader.IsResourceFile(path) || relative.Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            {
                continue;
            }

            var folder = relative.Split(Path.DirectorySeparatorChar)[0];
            var kind = relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? ResourceKind.Find(folder) : null;
            if (kind is null)
            {
                throw new UsageException($"{path}: cannot tell its kind; put it under actions/, entities/, mitigations/ or policies/");
            }

            files.Add(ResourceFileLoader.Load(path, kind));
        }

        if (files.Count == 0)
        {
            throw new UsageException($"{directory}: no resource files under actions/, entities/, mitigations/ or policies/ (esper templates generate --dir {directory} writes a starter set)");
        }

        return files;
    }
}
