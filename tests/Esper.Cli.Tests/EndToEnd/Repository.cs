namespace Esper.Cli.Tests.EndToEnd;

/// <summary>Paths in the repository this test assembly was built from.</summary>
internal static class Repository
{
    /// <summary>The build configuration of this test assembly (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Esper.Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }

    public static string HostDll()
    {
        var dll = Path.Combine(Root(), "functions", "Esper.Host", "bin", Configuration, "net10.0", "Esper.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first.", dll);
    }
}
