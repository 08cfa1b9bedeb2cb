using Esper.Cli.Infrastructure;

namespace Esper.Cli.Workspace;

/// <summary>The workspace folder, <c>~/.esper</c> unless <c>ESPER_HOME</c> names another, and the files inside it.</summary>
internal sealed class EsperHome(string root)
{
    /// <summary>The environment variable that moves the workspace.</summary>
    public const string Variable = "ESPER_HOME";

    public string Root { get; } = root;

    /// <summary><c>config.yaml</c>: profiles, API base, tenant (never a secret).</summary>
    public string ConfigFile => Path.Combine(Root, "config.yaml");

    /// <summary><c>credentials.xml</c>: API keys and operator tokens, mode 0600.</summary>
    public string CredentialsFile => Path.Combine(Root, "credentials.xml");

    /// <summary><c>data/</c>: the local copies that create and update write.</summary>
    public string DataRoot => Path.Combine(Root, "data");

    /// <summary><c>cache/</c>: reserved for the hybrid commands (sync).</summary>
    public string CacheRoot => Path.Combine(Root, "cache");

    /// <summary><c>runtime.xml</c>: the <c>esper run</c> daemon's settings, written by <c>esper init</c>.</summary>
    public string RuntimeFile => Path.Combine(Root, "runtime.xml");

    /// <summary><c>logs/</c>: reserved for the hybrid commands (run, capture).</summary>
    public string LogsRoot => Path.Combine(Root, "logs");

    public static EsperHome From(CliEnvironment environment) =>
        new(environment.Variable(Variable) is { } home ? Path.GetFullPath(home) : Path.Combine(environment.UserHome, ".esper"));
}
