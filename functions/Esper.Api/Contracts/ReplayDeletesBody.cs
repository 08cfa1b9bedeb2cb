namespace Esper.Api.Contracts;

/// <summary>Ids of live resources a replay candidate leaves out, per kind.</summary>
internal sealed record ReplayDeletesBody(
    IReadOnlyList<string>? Actions = null,
    IReadOnlyList<string>? Entities = null,
    IReadOnlyList<string>? Mitigations = null,
    IReadOnlyList<string>? Policies = null);
