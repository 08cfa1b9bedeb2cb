using Esper.Core.Fields;

namespace Esper.Api.Replay;

/// <summary>A decision the replay changed, with the event it was made on (left out when it is large).</summary>
internal sealed record ReplaySample(string DecisionId, DateTimeOffset DecidedAt, ReplaySide Before, ReplaySide After, RuntimeEvent? Event);
