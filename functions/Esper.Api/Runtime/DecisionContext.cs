using Esper.Api.Json;
using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Api.Runtime;

/// <summary>What one decision is about and what rides along with it, handed to <see cref="DecisionRunner.DecideAsync"/>.</summary>
internal sealed class DecisionContext
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The tenant's compiled config.</summary>
    public required PolicySet PolicySet { get; init; }

    /// <summary>The event.</summary>
    public required RuntimeEvent Event { get; init; }

    /// <summary>True for beacon events: no challenge is issued.</summary>
    public bool Beacon { get; init; }

    /// <summary>
    /// Checks running beside the counter round (rate limit, config version), or null; when they do not grant the
    /// decision, its counter updates are undone and nothing is recorded.
    /// </summary>
    public Task<Admission>? Admission { get; init; }

    /// <summary>A write to run with the records (the idempotency answer), or null.</summary>
    public Func<DecisionView, Task>? AlsoWrite { get; init; }
}
