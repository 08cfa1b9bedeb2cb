
using Esper.Testing;
namespace Esper.Functions.Aws.Tests.Process;

/// <summary>Where the repository and the function's build output are, seen from the test output.</summary>
internal static class RepositoryPaths
{
    public static string Root() => RepositoryRoot.Path;

    /// <summary>
    /// The function's "bootstrap" executable: ESPER_LAMBDA_BOOTSTRAP when set (e.g. a Native AOT publish), otherwise
    /// the build output with the same configuration as these tests.
    /// </summary>
    public static string Bootstrap()
    {
        if (Environment.GetEnvironmentVariable("ESPER_LAMBDA_BOOTSTRAP") is { Length: > 0 } published)
        {
            return published;
        }

        return Path.Combine(RepositoryRoot.BuildOutput("Esper.Functions.Aws"), "bootstrap");
    }
}
