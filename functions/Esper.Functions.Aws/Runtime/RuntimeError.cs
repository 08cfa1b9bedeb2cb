namespace Esper.Functions.Aws.Runtime;

/// <summary>The error document the Runtime API accepts for invocation and init errors.</summary>
internal sealed class RuntimeError
{
    public required string ErrorMessage { get; init; }

    public required string ErrorType { get; init; }

    public IReadOnlyList<string> StackTrace { get; init; } = [];
}
