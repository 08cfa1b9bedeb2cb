using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class ApplySettings : GlobalSettings
{
    [CommandOption("-f|--file <PATH>")]
    [Description("One definition (.json, .yaml, .yml): updated when its id exists in Esper (If-Match), created otherwise.")]
    public string? File { get; set; }

    [CommandOption("--dir <FOLDER>")]
    [Description("A policy set: every file under actions/, entities/, mitigations/ and policies/, applied in that order.")]
    public string? Dir { get; set; }

    [CommandOption("--dry-run")]
    [Description("Print the plan (create/update/unchanged) and change nothing.")]
    public bool DryRun { get; set; }

    public override ValidationResult Validate() =>
        (File is null) == (Dir is null) ? ValidationResult.Error("give exactly one of --file <path> or --dir <folder>") : base.Validate();
}
