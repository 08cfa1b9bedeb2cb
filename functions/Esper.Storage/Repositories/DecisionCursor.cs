namespace Esper.Storage.Repositories;

/// <summary>
/// Where a read of decision records by time stands: the next millisecond to read and the power of ten (of
/// milliseconds) of the slice the last read used, so the next read starts at a size that worked.
/// </summary>
public sealed record DecisionCursor(long NextMs, int Exponent)
{
    /// <summary>A cursor at <paramref name="start"/>, starting with the largest slice.</summary>
    public static DecisionCursor At(DateTimeOffset start) => new(start.ToUnixTimeMilliseconds(), DecisionTimeSlices.MaxExponent);
}
