namespace Esper.Core.Engine;

/// <summary>Entity-key counter items held by the caller (in memory, or any store that can answer synchronously).</summary>
public interface IEntityStateProvider
{
    /// <summary>Applies one state request atomically and returns every counter of the item afterwards.</summary>
    IReadOnlyDictionary<string, long> Update(StateRequest request, DateTimeOffset now);

    /// <summary>Persists a decision's state write.</summary>
    void Write(StateWrite write, DateTimeOffset now);
}
