using System.Globalization;
using Esper.Cli.Api;
using Esper.Cli.Apply;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary>
/// <c>esper &lt;kind&gt; apply --file|--dir [--dry-run]</c>: the idempotent, declarative path for CI/CD. Prints the
/// plan first, then applies it in dependency order with a progress line per step; a failure says which steps were
/// applied and stops.
/// </summary>
internal sealed class ApplyCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : KindCommand<ApplySettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
    {
        var kind = KindOf(context);
        var files = settings.Dir is not null ? ResourceSetLoader.Load(settings.Dir) : [ResourceFileLoader.Load(settings.File!, kind)];
        var api = Api(settings);
        var plan = await new ApplyPlanner(api).PlanAsync(files, cancellationToken).ConfigureAwait(false);
        var output = Out(settings);
        if (!output.IsJson)
        {
            output.Table(PlanView.Columns, plan.Items.Select(PlanView.Row));
            output.Line($"Plan: {plan.Count(PlanAction.Create)} to create, {plan.Count(PlanAction.Update)} to update, {plan.Count(PlanAction.Unchanged)} unchanged.");
        }

        if (settings.DryRun)
        {
            if (output.IsJson)
            {
                output.Json(PlanView.Json(plan, null, dryRun: true));
            }
            else
            {
                output.Line("Dry run: nothing was changed.");
            }

            return ExitCodes.Success;
        }

        var total = plan.Items.Count.ToString(CultureInfo.InvariantCulture);
        var applied = await new ApplyExecutor(api, LocalData).ExecuteAsync(plan, (n, item) =>
        {
            if (item.Step.Action != PlanAction.Unchanged || !output.IsJson)
            {
                output.Line($"[{n}/{total}] {Past(item.Step.Action)} {item.Step.File.Kind} {ResourceJson.Id(item.Resource)} ({item.Step.File.Path})");
            }
        }, cancellationToken).ConfigureAwait(false);

        if (output.IsJson)
        {
            output.Json(PlanView.Json(plan, applied, dryRun: false));
        }
        else
        {
            output.Line($"Applied: {plan.Count(PlanAction.Create)} created, {plan.Count(PlanAction.Update)} updated, {plan.Count(PlanAction.Unchanged)} unchanged.");
        }

        return ExitCodes.Success;
    }

    private static string Past(PlanAction action) => action switch
    {
        PlanAction.Create => "created",
        PlanAction.Update => "updated",
        _ => "unchanged",
    };
}
