namespace Esper.Cli.Workspace;

/// <summary>Which secret a command sends.</summary>
internal enum CredentialKind
{
    None,
    ApiKey,
    OperatorToken,
}
