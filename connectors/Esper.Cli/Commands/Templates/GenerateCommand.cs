using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Templates;

/// <summary>
/// <c>esper templates generate [--dir]</c>: writes a consistent starter policy set, one file per kind, in the
/// layout <c>apply --dir</c> reads. Existing files are kept unless <c>--force</c>.
/// </summary>
internal sealed class GenerateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<GenerateSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var written = new JsonArray();
        var output = Out(settings);
        foreach (var (kind, name) in TemplateCatalog.StarterSet)
        {
            var template = TemplateCatalog.Get(kind, name);
            var path = Path.Combine(settings.Dir, kind.Plural, (ResourceJson.Id(template.Resource) ?? name) + ".json");
            if (File.Exists(path) && !settings.Force)
            {
                throw new UsageException($"{path} already exists; pass --force to overwrite it");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, ResourceJson.Print(template.Resource) + "\n");
            written.Add(path);
            if (!output.IsJson)
            {
                output.Line($"wrote {path}");
            }
        }

        if (output.IsJson)
        {
            output.Json(new JsonObject { ["files"] = written });
        }
        else
        {
            output.Line($"Review them, then: esper policy apply --dir {settings.Dir} --dry-run");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
