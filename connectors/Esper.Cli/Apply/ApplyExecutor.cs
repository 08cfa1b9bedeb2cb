using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Apply;

/// <summary>
/// Runs a plan step by step in its order. An update sends <c>If-Match</c> with the ETag read while planning, so a
/// resource changed in between is refused (412) rather than overwritten. The first failure stops the run with a
/// <see cref="PartialApplyException"/> that lists what was already applied.
/// </summary>
internal sealed class ApplyExecutor(IEsperApi api, LocalData localData)
{
    public async Task<IReadOnlyList<AppliedItem>> ExecuteAsync(ApplyPlan plan, Action<int, AppliedItem> progress, CancellationToken cancellationToken)
    {
        var applied = new List<AppliedItem>(plan.Items.Count);
        foreach (var step in plan.Items)
        {
            AppliedItem done;
            try
            {
                done = await RunAsync(step, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException ex)
            {
                throw new PartialApplyException(step, applied, ex);
            }

            applied.Add(done);
            progress(applied.Count, done);
        }

        return applied;
    }

    private async Task<AppliedItem> RunAsync(PlanItem step, CancellationToken cancellationToken)
    {
        var body = ResourceJson.ForSending(step.File.Resource);
        switch (step.Action)
        {
            case PlanAction.Create:
                var created = await api.CreateAsync(step.File.Kind, body, cancellationToken).ConfigureAwait(false);
                localData.Write(step.File.Kind, created.Resource);
                return new AppliedItem(step, created.Resource);
            case PlanAction.Update:
                var updated = await api.ReplaceAsync(step.File.Kind, step.Id!, body, step.ETag, cancellationToken).ConfigureAwait(false);
                localData.Write(step.File.Kind, updated.Resource);
                return new AppliedItem(step, updated.Resource);
            default:
                return new AppliedItem(step, step.File.Resource);
        }
    }
}
