namespace Esper.Client.Guard;

/// <summary>What happens to a request when Esper does not answer in time (and no remembered penalty applies).</summary>
public enum EsperFailureMode
{
    /// <summary>Let the request through (default): Esper being down never takes the app down.</summary>
    FailOpen,

    /// <summary>Refuse the request with <see cref="EsperGuardOptions.FailClosedStatusCode"/>.</summary>
    FailClosed,
}
