namespace Esper.Client.Guard;

/// <summary>What the connector does with the request.</summary>
public enum EsperVerdictKind
{
    /// <summary>Pass the request on to the app.</summary>
    Continue,

    /// <summary>Redirect the browser to <see cref="EsperVerdict.Location"/> (a challenge page, or the URL without a spent proof).</summary>
    Redirect,

    /// <summary>Answer <see cref="EsperVerdict.StatusCode"/> with a problem+json body instead of calling the app.</summary>
    Deny,
}
