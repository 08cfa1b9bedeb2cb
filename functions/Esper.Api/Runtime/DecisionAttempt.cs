using Esper.Api.Json;

namespace Esper.Api.Runtime;

/// <summary>The decision, or, when its admission was not granted, why not (its counter updates are then undone).</summary>
internal sealed record DecisionAttempt(DecisionView? View, Admission Admission);
