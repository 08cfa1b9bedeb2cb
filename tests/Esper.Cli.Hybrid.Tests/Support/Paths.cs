using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>Where the built tool is, in the same configuration as this test assembly, and a fresh temporary folder.</summary>
internal static class Paths
{
    public static string EsperDll()
    {
        var path = Path.Combine(Esper.Testing.RepositoryRoot.BuildOutput("connectors", "Esper.Cli"), "esper.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build connectors/Esper.Cli first.", path);
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "esper-hybrid-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
