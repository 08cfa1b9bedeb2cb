using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

internal sealed class ProfileShowSettings : GlobalSettings
{
    [CommandArgument(0, "[NAME]")]
    [Description("Profile to show; the current one when left out.")]
    public string? Name { get; set; }
}
