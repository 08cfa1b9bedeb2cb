namespace Esper.Functions.Aws.Runtime;

/// <summary>What one invocation produced: a response document, or an error to report to the Runtime API.</summary>
internal sealed record InvocationOutcome(byte[]? Response, RuntimeError? Error)
{
    public static InvocationOutcome Success(byte[] response) => new(response, null);

    public static InvocationOutcome Failure(string errorType, string message) =>
        new(null, new RuntimeError { ErrorType = errorType, ErrorMessage = message });
}
