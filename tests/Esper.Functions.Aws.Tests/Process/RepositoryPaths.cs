using System.Reflection;

namespace Esper.Functions.Aws.Tests.Process;

/// <summary>Where the repository and the function's build output are, seen from the test output.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Esper.Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Esper.Serverless.sln not found above the test output.");
    }

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

        var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return Path.Combine(Root(), "functions", "Esper.Functions.Aws", "bin", configuration, "net10.0", "bootstrap");
    }
}
