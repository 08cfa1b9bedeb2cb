using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary>
/// <c>esper &lt;kind&gt; create</c>: builds the resource from <c>--file</c>, <c>--template</c> or flags (flags win),
/// submits it and writes the local copy <c>~/.esper/data/&lt;kind&gt;/&lt;slug&gt;.json</c>. With <c>--dry-run</c> it only
/// prints the definition it built (the seed's builder workflow redirects that into a file).
/// </summary>
internal abstract class CreateCommand<TSettings>(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<TSettings>(environment, apiFactory)
    where TSettings : CreateSettings
{
    protected abstract ResourceKind Kind { get; }

    /// <summary>Adds the kind's own flags; <paramref name="fromFlags"/> says no file or template gave a starting point.</summary>
    protected abstract void ApplyFlags(JsonObject resource, TSettings settings, bool fromFlags);

    protected string Resolve(ResourceKind kind, string reference) => LocalData.Resolve(kind, reference);

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var fromFlags = settings.File is null && settings.Template is null;
        var resource = settings.File is not null
            ? ResourceFileLoader.Load(settings.File, Kind).Resource
            : settings.Template is not null
                ? (JsonObject)TemplateCatalog.Get(Kind, settings.Template).Resource.DeepClone()
                : [];

        if (settings.Name is not null)
        {
            resource["name"] = settings.Name;
            if (settings.Id is null && settings.File is null)
            {
                resource["id"] = Slug.From(settings.Name);
            }
        }

        if (settings.Id is not null)
        {
            resource["id"] = settings.Id;
        }

        if (settings.Description is not null)
        {
            resource["description"] = settings.Description;
        }

        ApplyFlags(resource, settings, fromFlags);
        if (ResourceJson.Name(resource) is null)
        {
            throw new UsageException($"--name is required to create a {Kind} from flags");
        }

        var output = Out(settings);
        if (settings.DryRun)
        {
            output.Json(ResourceJson.ForSending(resource));
            return ExitCodes.Success;
        }

        var created = await Api(settings).CreateAsync(Kind, ResourceJson.ForSending(resource), cancellationToken).ConfigureAwait(false);
        var copy = LocalData.Write(Kind, created.Resource);
        if (output.IsJson)
        {
            output.Json(created.Resource);
        }
        else
        {
            output.Line($"Created {Kind} {ResourceJson.Id(created.Resource)} (local copy {copy}).");
        }

        return ExitCodes.Success;
    }
}
