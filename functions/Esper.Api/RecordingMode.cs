namespace Esper.Api;

/// <summary>When a decision's records are written relative to its answer.</summary>
public enum RecordingMode
{
    /// <summary>Every record is written before the answer: two store round trips for a windowed decision, read-your-writes for every later read.</summary>
    BeforeAnswer,

    /// <summary>
    /// The counter round also writes a journal entry; the answer follows it and the records are written right after.
    /// One store round trip on the critical path; a process that dies before writing the records leaves the journal
    /// entry, from which recovery writes them.
    /// </summary>
    AfterAnswer,
}
