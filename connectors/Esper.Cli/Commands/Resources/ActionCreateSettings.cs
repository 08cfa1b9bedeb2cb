using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class ActionCreateSettings : CreateSettings
{
    [CommandOption("--expression <EXPR>")]
    [Description("Text-form expression that recognises the action, e.g. 'request.method == \"POST\" && request.path == \"/login\"'.")]
    public string? Expression { get; set; }
}
