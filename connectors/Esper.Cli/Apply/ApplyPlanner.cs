using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Apply;

/// <summary>
/// Turns files into a plan without changing anything: in dependency order, each file is a <c>create</c> (no id, or
/// an id Esper does not have), an <c>update</c> (the stored resource differs; its ETag is kept for <c>If-Match</c>)
/// or <c>unchanged</c>. Duplicate ids and unknown references fail the whole plan before anything is sent.
/// </summary>
internal sealed class ApplyPlanner(IEsperApi api)
{
    public async Task<ApplyPlan> PlanAsync(IReadOnlyList<ResourceFile> files, CancellationToken cancellationToken)
    {
        var ordered = files.OrderBy(f => f.Kind.Order).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        CheckDuplicates(ordered);

        var remote = new Dictionary<ResourceKind, ISet<string>>();
        foreach (var kind in ordered.Select(f => f.Kind).Concat(ReferencedKinds(ordered)).Distinct())
        {
            var listed = await api.ListAsync(kind, cancellationToken).ConfigureAwait(false);
            remote[kind] = listed.Select(ResourceJson.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        }

        ReferenceChecker.Check(ordered, kind =>
        {
            var known = new HashSet<string>(remote.TryGetValue(kind, out var ids) ? ids : [], StringComparer.Ordinal);
            known.UnionWith(ordered.Where(f => f.Kind == kind).Select(f => ResourceJson.Id(f.Resource)).OfType<string>());
            return known;
        });

        var items = new List<PlanItem>(ordered.Count);
        foreach (var file in ordered)
        {
            var id = ResourceJson.Id(file.Resource);
            if (id is null || !remote[file.Kind].Contains(id))
            {
                items.Add(new PlanItem(file, id, PlanAction.Create, null, []));
                continue;
            }

            var current = await api.GetAsync(file.Kind, id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                items.Add(new PlanItem(file, id, PlanAction.Create, null, []));
            }
            else if (ResourceComparer.Same(file.Resource, current.Resource))
            {
                items.Add(new PlanItem(file, id, PlanAction.Unchanged, current.ETag, []));
            }
            else
            {
                items.Add(new PlanItem(file, id, PlanAction.Update, current.ETag, ResourceComparer.ChangedFields(file.Resource, current.Resource)));
            }
        }

        return new ApplyPlan(items);
    }

    private static IEnumerable<ResourceKind> ReferencedKinds(IEnumerable<ResourceFile> files) =>
        files.SelectMany(ReferenceChecker.References).Select(r => r.Kind);

    private static void CheckDuplicates(IEnumerable<ResourceFile> files)
    {
        var seen = new Dictionary<(ResourceKind, string), string>();
        foreach (var file in files)
        {
            if (ResourceJson.Id(file.Resource) is { } id && !seen.TryAdd((file.Kind, id), file.Path))
            {
                throw new UsageException($"{file.Path}: {file.Kind} id '{id}' is also defined in {seen[(file.Kind, id)]}");
            }
        }
    }
}
