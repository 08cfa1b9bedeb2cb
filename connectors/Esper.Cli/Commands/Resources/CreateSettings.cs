using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary>What every create accepts: a starting point (<c>--file</c>, <c>--template</c> or nothing) and flags on top.</summary>
internal class CreateSettings : GlobalSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Name operators see; also names the local copy (~/.esper/data/<kind>/<slug>.json) and, without --id, the id.")]
    public string? Name { get; set; }

    [CommandOption("--description <TEXT>")]
    [Description("Optional context for operators.")]
    public string? Description { get; set; }

    [CommandOption("--id <ID>")]
    [Description("Id to create (1-64 of A-Z a-z 0-9 _ -); default: from --name, the template or the file, else assigned by Esper.")]
    public string? Id { get; set; }

    [CommandOption("--template <NAME>")]
    [Description("Start from a bundled template (esper templates list).")]
    public string? Template { get; set; }

    [CommandOption("-f|--file <PATH>")]
    [Description("Start from a definition file (.json, .yaml, .yml).")]
    public string? File { get; set; }

    [CommandOption("--dry-run")]
    [Description("Print the definition as JSON instead of submitting it; nothing is sent or written (create --template default --dry-run > entity.json starts a definition file).")]
    public bool DryRun { get; set; }

    public override ValidationResult Validate() =>
        File is not null && Template is not null ? ValidationResult.Error("use --file or --template, not both") : base.Validate();
}
