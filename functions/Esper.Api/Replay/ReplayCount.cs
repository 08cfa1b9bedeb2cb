namespace Esper.Api.Replay;

/// <summary>How many replayed decisions had something before (as recorded) and after (as replayed).</summary>
internal sealed class ReplayCount
{
    public long Before { get; set; }

    public long After { get; set; }
}
