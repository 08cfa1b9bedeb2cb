namespace Esper.Cli.Workspace;

/// <summary>The secrets of one profile in <c>credentials.xml</c>.</summary>
internal sealed record ProfileCredentials(string? ApiKey, string? OperatorToken);
