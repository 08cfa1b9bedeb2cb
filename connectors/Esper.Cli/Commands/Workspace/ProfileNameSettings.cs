using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

internal sealed class ProfileNameSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Profile name.")]
    public string Name { get; set; } = "";
}
