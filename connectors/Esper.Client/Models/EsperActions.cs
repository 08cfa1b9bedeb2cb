namespace Esper.Client;

/// <summary>The values of <see cref="EsperDecision.Action"/>.</summary>
public static class EsperActions
{
    /// <summary>Let the request through.</summary>
    public const string Allow = "allow";

    /// <summary>Send the visitor to a challenge.</summary>
    public const string Challenge = "challenge";

    /// <summary>Refuse the request.</summary>
    public const string Block = "block";
}
