using Microsoft.Extensions.Logging;

namespace Esper.Client.Guard;

/// <summary>The guard's log events (stable ids 4100–4199).</summary>
internal static partial class GuardLog
{
    [LoggerMessage(4101, LogLevel.Warning, "Esper did not answer ({Reason}); the request {Outcome}: {Message}")]
    public static partial void Unavailable(ILogger logger, EsperUnavailableReason reason, string outcome, string message);

    [LoggerMessage(4102, LogLevel.Warning, "Esper answered an error ({Status} {Code}); the request {Outcome}")]
    public static partial void ErrorAnswer(ILogger logger, int status, string code, string outcome);

    [LoggerMessage(4103, LogLevel.Information, "Esper was unreachable; a remembered {Action} (decision {DecisionId}) still applies")]
    public static partial void RememberedApplied(ILogger logger, string action, string decisionId);

    [LoggerMessage(4104, LogLevel.Information, "A challenge proof was refused ({Code}); the visitor returns without a pass")]
    public static partial void ProofRefused(ILogger logger, string code);

    [LoggerMessage(4105, LogLevel.Warning, "A challenge proof could not be verified: Esper did not answer ({Reason})")]
    public static partial void ProofUnavailable(ILogger logger, EsperUnavailableReason reason);

    [LoggerMessage(4106, LogLevel.Information, "Monitor mode: Esper answered {Action} (decision {DecisionId}); not enforced")]
    public static partial void Monitored(ILogger logger, string action, string decisionId);
}
