namespace Esper.Functions.Aws.Runtime;

/// <summary>One event handed out by the Lambda Runtime API's next-invocation call.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id: the id every answer for this event is posted under.</param>
/// <param name="DeadlineUnixMs">Lambda-Runtime-Deadline-Ms: when the function times out, in unix milliseconds.</param>
/// <param name="FunctionArn">Lambda-Runtime-Invoked-Function-Arn.</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id (X-Ray), when present.</param>
/// <param name="Payload">The event document, as sent.</param>
internal sealed record Invocation(
    string RequestId,
    long? DeadlineUnixMs,
    string? FunctionArn,
    string? TraceId,
    byte[] Payload);
