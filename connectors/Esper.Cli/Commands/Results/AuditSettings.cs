using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Results;

internal sealed class AuditSettings : GlobalSettings
{
    [CommandOption("--limit <N>")]
    [Description("How many entries, newest first (1-1000, default 50).")]
    [DefaultValue(50)]
    public int Limit { get; set; } = 50;

    public override ValidationResult Validate() =>
        Limit is < 1 or > 1000 ? ValidationResult.Error($"--limit must be between 1 and 1000, not {Limit}") : base.Validate();
}
