namespace Esper.Client;

/// <summary>Why a call to Esper failed without an answer.</summary>
public enum EsperUnavailableReason
{
    /// <summary>No answer within the total timeout.</summary>
    Timeout,

    /// <summary>The connection failed or Esper answered a server error on every attempt.</summary>
    Unreachable,

    /// <summary>The circuit breaker is open after repeated failures; the call was not sent.</summary>
    CircuitOpen,
}
