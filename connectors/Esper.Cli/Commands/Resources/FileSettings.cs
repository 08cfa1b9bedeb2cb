using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class FileSettings : GlobalSettings
{
    [CommandOption("-f|--file <PATH>")]
    [Description("Resource definition (.json, .yaml or .yml) that carries the id to update.")]
    public string? File { get; set; }

    public override ValidationResult Validate() =>
        File is null ? ValidationResult.Error("--file <path> is required") : base.Validate();
}
