using Esper.Core.Fields;

namespace Esper.Storage.Repositories;

/// <summary>
/// Everything kept about one decision for looking it up by id: the record, the clauses that fired and the event it
/// decided (with secrets redacted and the body left out, see <see cref="DecisionRepository.Redact"/>).
/// </summary>
public sealed record DecisionDetail(DecisionRecord Record, IReadOnlyList<DecisionMatchRecord> Matches, RuntimeEvent? Event);
