using System.Reflection;

namespace Esper.Functions.EndToEnd.Tests;

/// <summary>The hosts' executables in their build output, built with the same configuration as these tests.</summary>
internal static class Executables
{
    public static string LambdaBootstrap() => Output("Esper.Functions.Aws", "bootstrap");

    public static string LocalHost() => Output("Esper.Host", "Esper.Host");

    private static string Output(string project, string executable)
    {
        var configuration = typeof(Executables).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Esper.Serverless.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "functions", project, "bin", configuration, "net10.0", executable);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build {project} first.");
    }
}
