using Esper.Client.Guard;

namespace Esper.Lambda;

/// <summary>
/// The guard's answer for one event: <see cref="Continue"/> (run the function) or <see cref="ResponseJson"/>, the
/// API Gateway / function URL response to return as is.
/// </summary>
public sealed record EsperLambdaResult
{
    /// <summary>True: handle the request as usual.</summary>
    public bool Continue { get; init; }

    /// <summary>The response to return when <see cref="Continue"/> is false (statusCode, headers, body; v2 cookies).</summary>
    public string? ResponseJson { get; init; }

    /// <summary>The verdict behind it: action, Esper's decision, failure reason.</summary>
    public EsperVerdict Verdict { get; init; } = new();
}
