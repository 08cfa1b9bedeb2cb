using Esper.Core.Fields;

namespace Esper.Storage.Repositories;

/// <summary>
/// A decision answered before its records were written: the event as it arrived, so the records can be re-derived
/// if the process that answered dies before writing them.
/// </summary>
public sealed record JournalEntry(string DecisionId, DateTimeOffset DecidedAt, bool Beacon, RuntimeEvent Event);
