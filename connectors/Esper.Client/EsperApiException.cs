namespace Esper.Client;

/// <summary>Esper answered with an error: <see cref="Problem"/> names it (<see cref="EsperProblem.Code"/>, field, detail).</summary>
public sealed class EsperApiException : Exception
{
    /// <summary>Creates the exception for a problem answer.</summary>
    public EsperApiException(EsperProblem problem)
        : base($"Esper answered {problem.Status} {problem.Code}: {problem.Detail ?? problem.Title}")
    {
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only (for the standard constructors).</summary>
    public EsperApiException()
        : this(new EsperProblem { Status = 0, Type = "unknown" })
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EsperApiException(string message)
        : base(message)
    {
        Problem = new EsperProblem { Status = 0, Type = "unknown", Detail = message };
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EsperApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new EsperProblem { Status = 0, Type = "unknown", Detail = message };
    }

    /// <summary>The problem Esper answered.</summary>
    public EsperProblem Problem { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode => Problem.Status;
}
