using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class EntityCreateSettings : CreateSettings
{
    [CommandOption("--key-field <FIELD>")]
    [Description("A field that identifies the actor (repeat it: --key-field client_ip --key-field user_agent).")]
    public string[] KeyFields { get; set; } = [];

    [CommandOption("--action <ACTION>")]
    [Description("Only requests that matched this action get a key: an action id or a local data name.")]
    public string? Action { get; set; }

    [CommandOption("--match <EXPR>")]
    [Description("Only requests for which this text-form expression holds get a key.")]
    public string? Match { get; set; }
}
