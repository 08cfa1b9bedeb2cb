using Esper.Testing;

namespace Esper.Cli.Tests.EndToEnd;

/// <summary>Paths in the repository this test assembly was built from (<see cref="RepositoryRoot"/>).</summary>
internal static class Repository
{
    /// <summary>The build configuration of this test assembly (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration => RepositoryRoot.Configuration;

    public static string Root() => RepositoryRoot.Path;
}
