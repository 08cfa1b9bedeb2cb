using System.ComponentModel;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

internal sealed class PolicyCreateSettings : CreateSettings
{
    [CommandOption("--field <FIELD>")]
    [Description("Clause match: the field to test, e.g. request_path.")]
    public string? Field { get; set; }

    [CommandOption("--operator <OP>")]
    [Description("Clause match operator: Eq (default), Ne, Contains, StartsWith, EndsWith, Matches, In, InCidr, Exists, ...")]
    public string? Operator { get; set; }

    [CommandOption("--value <VALUE>")]
    [Description("Clause match value, e.g. /login.")]
    public string? Value { get; set; }

    [CommandOption("--action <ACTION>")]
    [Description("Required action (repeatable): an id or a local data name.")]
    public string[] Actions { get; set; } = [];

    [CommandOption("--entity <ENTITY>")]
    [Description("Entity the clause counts per: an id or a local data name.")]
    public string? Entity { get; set; }

    [CommandOption("--mitigation <MITIGATION>")]
    [Description("Mitigation the clause applies: an id or a local data name (default: the built-in monitor).")]
    public string? Mitigation { get; set; }

    [CommandOption("--window-seconds <SECONDS>")]
    [Description("Rolling window length; the clause fires when more than --threshold matching events fall in it.")]
    public int? WindowSeconds { get; set; }

    [CommandOption("--threshold <COUNT>")]
    [Description("Events allowed in the window before the clause fires (default 0).")]
    public long? Threshold { get; set; }

    [CommandOption("--status <STATUS>")]
    [Description("active (default), dry_run or disabled.")]
    public string? Status { get; set; }

    [CommandOption("--scope <EXPR>")]
    [Description("Traffic scope as a text-form expression (default: all traffic).")]
    public string? Scope { get; set; }
}
