namespace Esper.Core.Resources;

/// <summary>The values of <see cref="MitigationDefinition.Mode"/>.</summary>
public static class MitigationModes
{
    /// <summary>Observe matching traffic; the request is allowed and recorded as observed.</summary>
    public const string Monitor = "monitor";

    /// <summary>Ask the client to complete a verification step.</summary>
    public const string Challenge = "challenge";

    /// <summary>Stop the request.</summary>
    public const string Block = "block";
}
