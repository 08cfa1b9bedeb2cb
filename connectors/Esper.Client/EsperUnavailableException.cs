namespace Esper.Client;

/// <summary>Esper could not be reached in time: a timeout, a refused connection or an open circuit (<see cref="Reason"/>).</summary>
public sealed class EsperUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EsperUnavailableException(EsperUnavailableReason reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EsperUnavailableException()
        : this(EsperUnavailableReason.Unreachable, "Esper is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EsperUnavailableException(string message)
        : this(EsperUnavailableReason.Unreachable, message, null)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EsperUnavailableException(string message, Exception innerException)
        : this(EsperUnavailableReason.Unreachable, message, innerException)
    {
    }

    /// <summary>Why Esper was unavailable.</summary>
    public EsperUnavailableReason Reason { get; }
}
