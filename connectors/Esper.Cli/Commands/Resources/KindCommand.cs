using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary>A command registered once per resource kind; the kind travels as the command's data.</summary>
internal abstract class KindCommand<TSettings>(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<TSettings>(environment, apiFactory)
    where TSettings : GlobalSettings
{
    protected static ResourceKind KindOf(CommandContext context) =>
        context.Data as ResourceKind ?? throw new InvalidOperationException("resource command registered without its kind");

    /// <summary>An id, or the id of the local data copy the user named.</summary>
    protected string ResolveId(ResourceKind kind, string reference) => LocalData.Resolve(kind, reference);
}
