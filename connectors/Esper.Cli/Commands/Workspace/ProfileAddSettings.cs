using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

internal sealed class ProfileAddSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Profile name, e.g. prod or staging.")]
    public string Name { get; set; } = "";

    [CommandOption("--api-key <SECRET>")]
    [Description("Tenant API key for this profile; stored in credentials.xml (mode 0600).")]
    public string? ApiKey { get; set; }

    public override ValidationResult Validate() =>
        ApiBase is null ? ValidationResult.Error("--api-base <url> is required") : base.Validate();
}
