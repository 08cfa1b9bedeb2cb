using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Templates;

/// <summary><c>esper templates list</c>: the bundled templates per kind.</summary>
internal sealed class TemplateListCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<GlobalSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var templates = TemplateCatalog.All();
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(new JsonArray([.. templates.Select(t => (JsonNode)new JsonObject
            {
                ["kind"] = t.Kind.Singular,
                ["name"] = t.Name,
                ["default"] = TemplateCatalog.DefaultName(t.Kind) == t.Name,
                ["id"] = ResourceJson.Id(t.Resource),
                ["description"] = t.Description,
            })]));
        }
        else
        {
            output.Table(["KIND", "TEMPLATE", "ID", "DESCRIPTION"], templates.Select(t => new[]
            {
                t.Kind.Singular,
                TemplateCatalog.DefaultName(t.Kind) == t.Name ? $"{t.Name} (default)" : t.Name,
                ResourceJson.Id(t.Resource),
                t.Description,
            }));
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
