using System.Reflection;

namespace Esper.Testing;

/// <summary>The repository checkout the tests run from: the directory above the test output that holds Esper.Serverless.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository's root directory.</summary>
    public static string Path => Root.Value;

    /// <summary>A path under the root, e.g. <c>Combine("docs", "api.md")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// The build output folder of <paramref name="project"/> under functions/, built in the same configuration as
    /// the tests (Debug or Release), e.g. <c>functions/Esper.Host/bin/Release/net10.0</c>.
    /// </summary>
    public static string BuildOutput(string project) => BuildOutput("functions", project);

    /// <summary>
    /// The build output folder of <paramref name="project"/> under <paramref name="folder"/> (<c>functions</c>,
    /// <c>connectors</c>), in the tests' configuration, e.g. <c>connectors/Esper.Cli/bin/Release/net10.0</c>.
    /// </summary>
    public static string BuildOutput(string folder, string project) => Combine(folder, project, "bin", Configuration, "net10.0");

    /// <summary>The configuration the tests were built in (Debug or Release), which the projects they start were built in too.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryRoot).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Esper.Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Esper.Serverless.sln not found above {AppContext.BaseDirectory}.");
    }
}
