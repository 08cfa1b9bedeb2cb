using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class ListSettings : GlobalSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Policies only: keep those with this status (active, dry_run, disabled).")]
    public string? Status { get; set; }
}
