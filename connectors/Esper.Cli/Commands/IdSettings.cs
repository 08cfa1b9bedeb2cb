using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands;

internal sealed class IdSettings : GlobalSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The id (or, for config resources, the local data name).")]
    public string Id { get; set; } = "";
}
