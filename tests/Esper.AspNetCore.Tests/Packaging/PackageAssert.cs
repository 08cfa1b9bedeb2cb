using System.IO.Compression;
using System.Xml.Linq;

namespace Esper.AspNetCore.Tests.Packaging;

/// <summary>What a published connector package must carry: README, licence, repository, docs and symbols.</summary>
internal static class PackageAssert
{
    public static void IsPublishable(string feed, string id, string version)
    {
        var package = Path.Combine(feed, $"{id}.{version}.nupkg");
        Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"{id} has no symbol package");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(static e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);

        using var nuspecStream = zip.GetEntry($"{id}.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("MIT", Value("license"));
        var repository = metadata.Elements().Single(static e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        // SourceLink: the commit the package was built from.
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
    }
}
