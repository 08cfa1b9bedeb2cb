using Esper.Cli.Infrastructure;

namespace Esper.Cli.Apply;

/// <summary>An apply that stopped part way: the message names the failed file and says which steps were applied.</summary>
internal sealed class PartialApplyException(PlanItem failed, IReadOnlyList<AppliedItem> applied, CliException cause)
    : CliException(Describe(failed, applied, cause), cause)
{
    public IReadOnlyList<AppliedItem> Applied { get; } = applied;

    public override int ExitCode => ((CliException)InnerException!).ExitCode;

    private static string Describe(PlanItem failed, IReadOnlyList<AppliedItem> applied, CliException cause)
    {
        var done = applied.Where(a => a.Step.Action != PlanAction.Unchanged).ToList();
        var list = done.Count == 0
            ? "nothing was changed"
            : $"already applied: {string.Join(", ", done.Select(a => $"{a.Step.Verb}d {a.Step.File.Kind} '{a.Resource["id"]}'"))}";
        return $"{failed.File.Path}: {failed.Verb} {failed.File.Kind} failed: {cause.Message}; {list}; later files were not applied";
    }
}
