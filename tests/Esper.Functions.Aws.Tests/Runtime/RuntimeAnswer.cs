namespace Esper.Functions.Aws.Tests.Runtime;

/// <summary>What the function posted back for one invocation (or for init).</summary>
/// <param name="Kind">"response", "error" or "init-error".</param>
/// <param name="ErrorType">The Lambda-Runtime-Function-Error-Type header of an error.</param>
/// <param name="Body">The posted document.</param>
internal sealed record RuntimeAnswer(string Kind, string? ErrorType, string Body);
