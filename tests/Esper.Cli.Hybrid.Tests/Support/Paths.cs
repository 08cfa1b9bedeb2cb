namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>Where the built host and tool are, in the same configuration as this test assembly.</summary>
internal static class Paths
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Esper.Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }

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
        var path = Path.Combine(RepositoryRoot(), project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }
}
