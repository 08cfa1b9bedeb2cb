using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class ListSettings : GlobalSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Policies only: keep those with this status (active, dry_run, disabled).")]
    public string? Status { get; set; }

    public override ValidationResult Validate() =>
        Status is null or "active" or "dry_run" or "disabled"
            ? base.Validate()
            : ValidationResult.Error($"--status must be active, dry_run or disabled, not '{Status}'");
}
