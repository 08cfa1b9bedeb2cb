using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Templates;

/// <summary><c>esper templates show &lt;kind&gt; [name]</c>: prints a template's JSON (to redirect into a file).</summary>
internal sealed class TemplateShowCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<TemplateShowSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, TemplateShowSettings settings, CancellationToken cancellationToken)
    {
        var kind = ResourceKind.Find(settings.Kind) ?? throw new UsageException($"Unknown kind '{settings.Kind}'; use action, entity, mitigation or policy");
        new Output(Environment, OutputFormat.Json).Json(TemplateCatalog.Get(kind, settings.Name).Resource);
        return Task.FromResult(ExitCodes.Success);
    }
}
