using System.Text.Json;

namespace Esper.Core.Resources;

/// <summary>One clause of a policy: when it matches (and its window, if any, is exceeded) its mitigation applies.</summary>
public sealed class PolicyClause
{
    /// <summary>Optional label shown in decisions.</summary>
    public string? Name { get; set; }

    /// <summary>Optional condition; absent means every request in the policy scope.</summary>
    public JsonElement? Match { get; set; }

    /// <summary>Actions that must all match for the clause to match.</summary>
    public IList<string> ActionIds { get; set; } = [];

    /// <summary>Optional entity whose key groups requests for the window and the penalty; required with a window.</summary>
    public string? EntityId { get; set; }

    /// <summary>Optional rolling window; without one the clause fires on every match.</summary>
    public PolicyWindow? Window { get; set; }

    /// <summary>The mitigation applied when the clause fires; <c>monitor</c> names the built-in monitor.</summary>
    public string MitigationId { get; set; } = "";
}
