
using Esper.Testing;
namespace Esper.Functions.EndToEnd.Tests;

/// <summary>The hosts' executables in their build output, built with the same configuration as these tests.</summary>
internal static class Executables
{
    public static string LambdaBootstrap() => Output("Esper.Functions.Aws", "bootstrap");

    public static string LocalHost() => Output("Esper.Host", "Esper.Host");

    private static string Output(string project, string executable)
    {
        var path = Path.Combine(RepositoryRoot.BuildOutput(project), executable);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build {project} first.");
    }
}
