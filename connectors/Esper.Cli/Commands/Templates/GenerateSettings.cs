using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Templates;

internal sealed class GenerateSettings : GlobalSettings
{
    [CommandOption("--dir <FOLDER>")]
    [Description("Where to write actions/, entities/, mitigations/ and policies/ (default: the current folder).")]
    [DefaultValue(".")]
    public string Dir { get; set; } = ".";

    [CommandOption("--force")]
    [Description("Overwrite files that already exist.")]
    public bool Force { get; set; }
}
