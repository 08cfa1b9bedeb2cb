using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>Where the built host and tool are, in the same configuration as this test assembly.</summary>
internal static class Paths
{
    public static string HostDll() => Built(Path.Combine("functions", "Esper.Host"), "Esper.Host.dll");

    public static string EsperDll() => Built(Path.Combine("connectors", "Esper.Cli"), "esper.dll");

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "esper-hybrid-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Built(string project, string dll)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = RepositoryRoot.Combine(project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }
}
