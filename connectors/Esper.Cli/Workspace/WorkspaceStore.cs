using Esper.Cli.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Esper.Cli.Workspace;

/// <summary>Reads and writes <c>config.yaml</c> (YAML, snake_case keys).</summary>
internal sealed class WorkspaceStore(EsperHome home)
{
    public const string DefaultProfile = "default";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public EsperHome Home { get; } = home;

    public bool Exists => File.Exists(Home.ConfigFile);

    /// <summary>The workspace, or an empty one when <c>esper init</c> has not run.</summary>
    public WorkspaceConfig Load()
    {
        if (!Exists)
        {
            return new WorkspaceConfig();
        }

        try
        {
            var config = Deserializer.Deserialize<WorkspaceConfig?>(File.ReadAllText(Home.ConfigFile)) ?? new WorkspaceConfig();
            config.Profiles = new Dictionary<string, ProfileConfig>(config.Profiles ?? [], StringComparer.Ordinal);
            return config;
        }
        catch (YamlException ex)
        {
            throw new UsageException($"{Home.ConfigFile}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    public void Save(WorkspaceConfig config)
    {
        Directory.CreateDirectory(Home.Root);
        var text = "# Esper CLI workspace (esper init / esper profile). Secrets live in credentials.xml, never here.\n" + Serializer.Serialize(config);
        var temp = Home.ConfigFile + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, Home.ConfigFile, overwrite: true);
    }
}
