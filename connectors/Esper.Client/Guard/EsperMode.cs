namespace Esper.Client.Guard;

/// <summary>Whether Esper's answer is applied.</summary>
public enum EsperMode
{
    /// <summary>Apply the answer: allow, challenge or block (default).</summary>
    Enforce,

    /// <summary>Ask and record, never enforce: every request continues (a dry run).</summary>
    Monitor,
}
