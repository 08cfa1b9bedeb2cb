namespace Esper.Core.Resources;

/// <summary>A rolling window: the clause fires when more than <see cref="Threshold"/> matching events were seen in the last <see cref="Seconds"/>.</summary>
public sealed class PolicyWindow
{
    /// <summary>Window length in seconds, 1–86400.</summary>
    public int Seconds { get; set; }

    /// <summary>Events allowed within the window; the next one fires. 0–1,000,000,000.</summary>
    public long Threshold { get; set; }
}
