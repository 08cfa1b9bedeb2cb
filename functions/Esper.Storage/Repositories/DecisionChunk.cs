namespace Esper.Storage.Repositories;

/// <summary>Records read by <see cref="DecisionRepository.ReadChunkAsync"/> and where the next read starts.</summary>
/// <param name="Records">The records, oldest first.</param>
/// <param name="Next">The cursor after them.</param>
/// <param name="Done">True when the cursor reached the end of the range.</param>
public sealed record DecisionChunk(IReadOnlyList<DecisionRecord> Records, DecisionCursor Next, bool Done);
