using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Auth;

internal sealed class LoginSettings : GlobalSettings
{
    [CommandOption("--token <JWT>")]
    [Description("Operator token (JWT) from the hosted login; stored in credentials.xml (mode 0600).")]
    public string? Token { get; set; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Token) ? ValidationResult.Error("--token <jwt> is required") : base.Validate();
}
